-- tonumber with an explicit base accepts only integers spelt in that base.
print(tonumber("ff", 16))    -- expect: 255
print(tonumber("FF", 16))    -- expect: 255
print(tonumber("777", 8))    -- expect: 511
print(tonumber("zz", 36))    -- expect: 1295
print(tonumber("1010", 2))   -- expect: 10
print(tonumber("  11  ", 2)) -- expect: 3
print(tonumber("-ff", 16))   -- expect: -255
print(tonumber("2", 2))      -- expect: nil
print(tonumber("1.5", 10))   -- expect: nil
print(tonumber("", 10))      -- expect: nil
print(pcall(tonumber, 10, 16)) -- expect: false	bad argument #1 to 'tonumber' (string expected, got number)
