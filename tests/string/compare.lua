-- Strings compare byte by byte; a prefix is smaller.
print("a" < "b")       -- expect: true
print("a" < "ab")      -- expect: true
print("abc" < "abd")   -- expect: true
print("Z" < "a")       -- expect: true
print("" < "a")        -- expect: true
print("b" <= "b", "b" >= "c") -- expect: true	false
print("10" < "9")      -- expect: true
print("a" == "a", "a" ~= "b") -- expect: true	true
