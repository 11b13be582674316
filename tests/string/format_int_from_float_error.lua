-- %d requires a number with an integer representation.
print(pcall(function() return string.format("%d", 3.5) end)) -- expect: false	tests/string/format_int_from_float_error.lua:2: bad argument #2 to 'format' (number has no integer representation)
print(pcall(function() return ("%d"):format("x") end))       -- expect: false	tests/string/format_int_from_float_error.lua:3: bad argument #1 to 'format' (number expected, got string)
