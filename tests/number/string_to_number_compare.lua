-- Comparison does not coerce strings to numbers.
print(1 == "1")       -- expect: false
print(pcall(function() return 1 < "2" end)) -- expect: false	tests/number/string_to_number_compare.lua:3: attempt to compare number with string
