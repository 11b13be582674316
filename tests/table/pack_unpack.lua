-- table.pack records the count in n; table.unpack takes a range.
local p = table.pack(1, nil, 3)
print(p.n, p[1], p[2], p[3])           -- expect: 3	1	nil	3
print(table.pack().n)                  -- expect: 0
print(table.unpack({1, 2, 3}))         -- expect: 1	2	3
print(table.unpack({1, 2, 3}, 2))      -- expect: 2	3
print(table.unpack({1, 2, 3}, 2, 3))   -- expect: 2	3
print(table.unpack({1, 2}, 1, 4))      -- expect: 1	2	nil	nil
print(select("#", table.unpack({}, 1, 0))) -- expect: 0
print(table.unpack(p, 1, p.n))         -- expect: 1	nil	3
