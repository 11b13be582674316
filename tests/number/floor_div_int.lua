-- Integer floor division rounds towards minus infinity.
print(7 // 2)     -- expect: 3
print(-7 // 2)    -- expect: -4
print(7 // -2)    -- expect: -4
print(-7 // -2)   -- expect: 3
print(6 // -3)    -- expect: -2
print(0 // 5)     -- expect: 0
print(math.mininteger // -1) -- expect: -9223372036854775808
