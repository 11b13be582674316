-- pairs and next visit every key once; the order is not specified, so sort.
local t = {10, 20, 30, a = "x", b = "y", [2.5] = "z"}
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. "=" .. tostring(v) end
table.sort(keys)
print(table.concat(keys, " "))   -- expect: 1=10 2.5=z 2=20 3=30 a=x b=y
print(next({}))                  -- expect: nil
local k, v = next({"only"})
print(k, v)                      -- expect: 1	only
local n = 0
local k2 = next(t)
while k2 ~= nil do n = n + 1; k2 = next(t, k2) end
print(n)                         -- expect: 6
