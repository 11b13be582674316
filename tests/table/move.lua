-- table.move copies a range, possibly into another table, handling overlap.
local t = {1, 2, 3, 4, 5}
table.move(t, 1, 3, 3)
print(table.concat(t, ","))   -- expect: 1,2,1,2,3
local u = table.move({1, 2, 3}, 1, 3, 2, {})
print(u[1], u[2], u[4])       -- expect: nil	1	3
local v = {1, 2, 3, 4, 5}
table.move(v, 2, 5, 1)
print(table.concat(v, ","))   -- expect: 2,3,4,5,5
