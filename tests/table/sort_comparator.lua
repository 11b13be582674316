-- table.sort with a comparator function.
local t = {5, 2, 8, 1, 9, 3}
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))   -- expect: 9 8 5 3 2 1
local people = {{n = "b", a = 30}, {n = "a", a = 20}, {n = "c", a = 25}}
table.sort(people, function(x, y) return x.a < y.a end)
print(people[1].n, people[2].n, people[3].n) -- expect: a	c	b
local big = {}
for i = 1, 200 do big[i] = (i * 37) % 101 end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print(ok)                     -- expect: true
