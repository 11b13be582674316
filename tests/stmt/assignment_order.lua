-- In a multiple assignment all expressions are evaluated before any assignment.
local a = {1, 2, 3}
local i = 1
i, a[i] = i + 1, "x"
print(i, a[1], a[2])  -- expect: 2	x	2
local x, y, z = 1, 2, 3
x, y, z = z, x, y
print(x, y, z)        -- expect: 3	1	2
