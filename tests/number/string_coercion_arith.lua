-- Strings are converted to numbers in arithmetic, keeping the subtype they spell.
print("10" + 1)      -- expect: 11
print("0x10" * 2)    -- expect: 32
print("3.0" + 1)     -- expect: 4.0
print(" 5 " * "2")   -- expect: 10
print("1e2" - 1)     -- expect: 99.0
print(-"2")          -- expect: -2
print("10" / "4")    -- expect: 2.5
print("7" // 2)      -- expect: 3
print("2" ^ 3)       -- expect: 8.0
print(math.type("10" + 0)) -- expect: integer
