-- list_filter: filtering cons lists {head, tail} and arrays with predicate closures.
-- Size: number of rounds over a 10,000-element list and array.

local LEN = 10000

local function filter_list(p, l)
  local r = nil
  while l do
    if p(l[1]) then r = {l[1], r} end
    l = l[2]
  end
  return r
end

local function filter_array(p, a)
  local r = {}
  local n = 0
  for i = 1, #a do
    local v = a[i]
    if p(v) then n = n + 1; r[n] = v end
  end
  return r
end

local function count_list(l)
  local k = 0
  while l do k = k + 1; l = l[2] end
  return k
end

local l = nil
local a = {}
for i = LEN, 1, -1 do l = {i, l} end
for i = 1, LEN do a[i] = (i * 7919) % 10007 end

local rounds = tonumber(arg and arg[1]) or 2000
local total = 0
for r = 1, rounds do
  local m = r % 9 + 2
  local multiples = filter_list(function(x) return x % m == 0 end, l)
  local small = filter_array(function(x) return x < 5000 + r end, a)
  local both = filter_array(function(x) return x % m == 1 end, small)
  total = total + count_list(multiples) + #small + #both
end
print(total)
