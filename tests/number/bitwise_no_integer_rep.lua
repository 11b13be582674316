-- A float without an exact integer value cannot be used in a bitwise operation.
print(pcall(function() return 1.5 | 0 end)) -- expect: false	tests/number/bitwise_no_integer_rep.lua:2: number has no integer representation
print(pcall(function() return 2^63 & 1 end)) -- expect: false	tests/number/bitwise_no_integer_rep.lua:3: number has no integer representation
local x = 0.5
print(x << 1) -- expect error: :5: number (local 'x') has no integer representation
