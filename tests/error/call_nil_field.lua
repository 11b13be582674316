-- Calling a missing field names the field.
local t = {}
print(pcall(function() t.go() end)) -- expect: false	tests/error/call_nil_field.lua:3: attempt to call a nil value (field 'go')
string.nothing("x") -- expect error: :4: attempt to call a nil value (field 'nothing')
