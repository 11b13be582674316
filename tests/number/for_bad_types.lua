-- The for loop's control values must be numbers; numeric strings are converted (to floats).
for i = "1", 2 do io.write(math.type(i), " ") end print("|") -- expect: float float |
print(pcall(function() for i = 1, {} do end end)) -- expect: false	tests/number/for_bad_types.lua:3: bad 'for' limit (number expected, got table)
print(pcall(function() for i = 1, 2, nil do end end)) -- expect: false	tests/number/for_bad_types.lua:4: bad 'for' step (number expected, got nil)
for i = nil, 2 do end -- expect error: :5: bad 'for' initial value (number expected, got nil)
