-- sort: table.sort with Lua comparator functions, on numbers and on records with a tie-break.
-- Size: number of elements.

local seed = 42
local function random(m)
  seed = (seed * 16807) % 2147483647
  return seed % m
end

local n = tonumber(arg and arg[1]) or 600000
local nums = {}
for i = 1, n do nums[i] = random(1000000) end
table.sort(nums, function(a, b) return a > b end)

local recs = {}
for i = 1, n do recs[i] = {key = random(1000), id = i} end
table.sort(recs, function(a, b)
  if a.key ~= b.key then return a.key < b.key end
  return a.id > b.id
end)

local M = 1000003
local h1, h2 = 0, 0
for i = 1, n do
  h1 = (h1 * 31 + nums[i]) % M
  h2 = (h2 * 31 + recs[i].id) % M
end
for i = 2, n do
  if nums[i - 1] < nums[i] then error("numbers not sorted") end
end
print(nums[1], nums[n], h1, h2)
