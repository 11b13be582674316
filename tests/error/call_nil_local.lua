-- Calling nil or a table held in a local names the local.
local f
print(pcall(function() local g = {} g() end)) -- expect: false	tests/error/call_nil_local.lua:3: attempt to call a table value (local 'g')
f() -- expect error: :4: attempt to call a nil value (local 'f')
