-- Many insertions and deletions keep the table consistent.
local t = {}
for i = 1, 10000 do t[i] = i * 2 end
for i = 1, 10000, 2 do t["s" .. i] = i end
local sum = 0
for i = 1, #t do sum = sum + t[i] end
print(#t, sum) -- expect: 10000	100010000
for i = 1, 10000, 2 do t["s" .. i] = nil end
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n)       -- expect: 10000
