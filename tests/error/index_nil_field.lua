-- Indexing a missing field names the field.
local t = {}
print(pcall(function() return t.a.b end)) -- expect: false	tests/error/index_nil_field.lua:3: attempt to index a nil value (field 'a')
t.x.y = 1 -- expect error: :4: attempt to index a nil value (field 'x')
