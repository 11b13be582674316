-- Generic for over pairs (sorted), ipairs and next.
local t = {c = 3, a = 1, b = 2}
local ks = {}
for k, v in pairs(t) do ks[#ks + 1] = k .. v end
table.sort(ks)
print(table.concat(ks, ","))  -- expect: a1,b2,c3
local sum = 0
for _, v in ipairs({5, 6, 7}) do sum = sum + v end
print(sum)                    -- expect: 18
local n = 0
for k, v in next, {1, 2, 3} do n = n + v end
print(n)                      -- expect: 6
