-- A numeric string with a non-number operand: the error names the other operand's type.
local t = {}
print(pcall(function() return "1" + t end)) -- expect: false	tests/number/string_arith_nonnumber_operand.lua:3: attempt to add a 'string' with a 'table'
print(pcall(function() return 2 - "x" end)) -- expect: false	tests/number/string_arith_nonnumber_operand.lua:4: attempt to sub a 'number' with a 'string'
