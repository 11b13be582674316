-- string.find with plain search and init.
print(string.find("hello world", "o"))         -- expect: 5	5
print(string.find("hello world", "o", 6))      -- expect: 8	8
print(string.find("a.b", ".", 1, true))        -- expect: 2	2
print(string.find("abc", "x"))                 -- expect: nil
print(string.find("abc", "", 10))              -- expect: nil
print(string.find("abc", "", 4))               -- expect: 4	3
