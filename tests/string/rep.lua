-- string.rep with and without separator.
print(("x"):rep(3))          -- expect: xxx
print(string.rep("ab", 3, ",")) -- expect: ab,ab,ab
print(("x"):rep(0) == "")    -- expect: true
print(("x"):rep(-1) == "")   -- expect: true
print(("x"):rep(1, "SEP"))   -- expect: x
print(#string.rep("abc", 1000)) -- expect: 3000
print(string.rep("", 5, "-")) -- expect: ----
