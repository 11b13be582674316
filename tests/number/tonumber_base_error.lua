-- The base of tonumber must be in [2, 36].
print(pcall(tonumber, "1", 1))  -- expect: false	bad argument #2 to 'tonumber' (base out of range)
print(pcall(tonumber, "1", 37)) -- expect: false	bad argument #2 to 'tonumber' (base out of range)
