-- The length operator needs a string, a table or __len.
print(pcall(function() return #5 end)) -- expect: false	tests/error/length_errors.lua:2: attempt to get length of a number value
local b = false
print(pcall(function() return #b end)) -- expect: false	tests/error/length_errors.lua:4: attempt to get length of a boolean value (upvalue 'b')
