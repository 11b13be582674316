-- math.abs, max and min keep the subtype of the chosen value.
print(math.abs(-3), math.abs(-3.5), math.abs(2)) -- expect: 3	3.5	2
print(math.abs(math.mininteger))                -- expect: -9223372036854775808
print(math.max(1, 2.5, 2), math.min(3, 1.0, 2)) -- expect: 2.5	1.0
print(math.max(2, 2.0), math.min(2.0, 2))       -- expect: 2	2.0
print(math.max(7))                              -- expect: 7
print(pcall(function() return math.max() end)) -- expect: false	tests/stdlib/math_abs_max_min.lua:7: bad argument #1 to 'max' (value expected)
