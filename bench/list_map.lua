-- list_map: mapping closures over cons lists {head, tail} and arrays.
-- Size: number of rounds over a 10,000-element list and array.

local LEN = 10000
local M = 1000003

local function reverse(l)
  local r = nil
  while l do r = {l[1], r}; l = l[2] end
  return r
end

local function map_list(f, l)
  local r = nil
  while l do r = {f(l[1]), r}; l = l[2] end
  return reverse(r)
end

local function map_array(f, a)
  local r = {}
  for i = 1, #a do r[i] = f(a[i]) end
  return r
end

local function sum_list(l)
  local s = 0
  while l do s = s + l[1]; l = l[2] end
  return s
end

local l = nil
local a = {}
for i = LEN, 1, -1 do l = {i, l} end
for i = 1, LEN do a[i] = i end

local rounds = tonumber(arg and arg[1]) or 650
local total = 0
for r = 1, rounds do
  local k = r % 7 + 1
  local scaled = map_list(function(x) return (x * k + r) % M end, l)
  local squared = map_array(function(x) return x * x % M end, a)
  local chained = map_array(function(x) return x + k end, map_array(function(x) return x - r end, a))
  total = (total + sum_list(scaled) + squared[LEN] + chained[1]) % M
end
print(total)
