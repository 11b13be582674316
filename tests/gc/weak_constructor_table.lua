-- needs: collector
-- Tables made by a constructor keep their hash part in their own block; one made weak afterwards moves its
-- nodes to the collector's weak kind and keeps no stale copy of its entries: the values it held are collected
-- (all but a few that a conservative collector may still see from the stacks).
local ts = {}
local function make(i)
  ts[i] = setmetatable({a = {}, b = {}, c = {}, d = {}, e = {}}, {__mode = "v"})
end
for i = 1, 200 do make(i) end
collectgarbage()
collectgarbage()
local n = 0
for i = 1, 200 do for _ in pairs(ts[i]) do n = n + 1 end end
print(n < 50)  -- expect: true
-- A constructor table grown past its size leaves its first nodes behind, zeroed: an object later removed
-- from it is collected.
local w = setmetatable({}, {__mode = "k"})
local grown = {}
local function grow(i)
  local s = {x = {}, y = {}}
  w[s.x], w[s.y] = true, true
  for j = 1, 10 do s[j .. "k"] = j end
  s.x, s.y = nil, nil
  grown[i] = s
end
for i = 1, 200 do grow(i) end
collectgarbage()
collectgarbage()
local m = 0
for _ in pairs(w) do m = m + 1 end
print(m < 50)  -- expect: true
