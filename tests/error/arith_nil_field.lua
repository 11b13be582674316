-- Arithmetic on nil names the operand.
local t = {}
print(pcall(function() return t.x + 1 end)) -- expect: false	tests/error/arith_nil_field.lua:3: attempt to perform arithmetic on a nil value (field 'x')
local a
print(pcall(function() return 1 - a end))   -- expect: false	tests/error/arith_nil_field.lua:5: attempt to perform arithmetic on a nil value (upvalue 'a')
print(pcall(function() return -{} end))     -- expect: false	tests/error/arith_nil_field.lua:6: attempt to perform arithmetic on a table value
print(g * 2) -- expect error: :7: attempt to perform arithmetic on a nil value (global 'g')
