-- Missing arguments are nil; extra arguments are dropped.
local function f(a, b, c) return a, b, c end
print(f(1))          -- expect: 1	nil	nil
print(f(1, 2, 3, 4)) -- expect: 1	2	3
