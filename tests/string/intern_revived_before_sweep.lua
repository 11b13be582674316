-- Regression guard for the weak intern table: after a collection finds a short string unreachable, the collector
-- sweeps its block later, while the program runs. An equal string built in between must get the old object
-- (still in the table) and keep it alive; storing it as a key and reading it back after more garbage and
-- collections must find it, with its contents intact.
local keep = {}
for round = 1, 5 do
  for i = 1, 2000 do local dead = "dead" .. round .. "_" .. i end   -- unreachable at the next collection
  collectgarbage()
  for i = 1, 2000 do keep["dead" .. round .. "_" .. i] = i end      -- built again before the sweep
  for i = 1, 30000 do local junk = {i} end                          -- allocation sweeps blocks lazily
end
collectgarbage()
collectgarbage()
local ok, n = true, 0
for round = 1, 5 do
  for i = 1, 2000 do
    local k = "dead" .. round .. "_" .. i
    if keep[k] ~= i then ok = false end
    n = n + 1
  end
end
local count = 0
for k, v in pairs(keep) do
  if k ~= "dead" .. k:match("^dead(%d+)_") .. "_" .. v then ok = false end
  count = count + 1
end
print(ok, n, count)   -- expect: true	10000	10000
