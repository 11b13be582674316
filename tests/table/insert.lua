-- table.insert appends or inserts at a position, shifting elements up.
local t = {1, 2, 3}
table.insert(t, 4)
print(table.concat(t, ","))   -- expect: 1,2,3,4
table.insert(t, 1, 0)
print(table.concat(t, ","))   -- expect: 0,1,2,3,4
table.insert(t, 3, "x")
print(table.concat(t, ","))   -- expect: 0,1,x,2,3,4
table.insert(t, #t + 1, "end")
print(t[#t])                  -- expect: end
