-- Comparisons produce booleans that can themselves be compared for equality.
print(1 < 2, 2 < 1, 1 <= 1, 2 >= 3) -- expect: true	false	true	false
print((1 < 2) == (3 < 4))           -- expect: true
print(1 ~= 1.0, "1" ~= 1)           -- expect: false	true
print(pcall(function() return 1 < 2 < 3 end)) -- expect: false	tests/stmt/comparison_chain.lua:5: attempt to compare boolean with number
