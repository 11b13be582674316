-- Multiple assignment evaluates all expressions before assigning.
local a, b = 1, 2
a, b = b, a
print(a, b)          -- expect: 2	1
local x, y, z = 1
print(x, y, z)       -- expect: 1	nil	nil
local p, q = 1, 2, 3
print(p, q)          -- expect: 1	2
local t = {}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2]) -- expect: 2	20	nil
