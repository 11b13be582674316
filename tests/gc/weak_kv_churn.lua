-- needs: collector
-- A "kv" table used as a cache under churn: entries vanish as their objects are collected, lookups, inserts
-- and pairs() keep working across collections, and the table does not grow without bound.
local cache = setmetatable({}, {__mode = "kv"})
local live = {}
for round = 1, 20 do
  for i = 1, 500 do
    local k, v = {}, {round, i}
    cache[k] = v
    if i == 1 then live[round] = k end
  end
  collectgarbage()
end
collectgarbage()
local n, ok = 0, true
for k, v in pairs(cache) do
  n = n + 1
  if type(k) ~= "table" or type(v) ~= "table" then ok = false end
end
print(ok, n <= 600)           -- expect: true	true
cache.x = "still usable"
print(cache.x)               -- expect: still usable
