-- list_build: building and walking cons lists {head, tail} and appending to arrays.
-- Size: number of rounds; each round builds a 10,000-cell list and a 10,000-slot array.

local LEN = 10000

local function build(n, offset)
  local l = nil
  for i = n, 1, -1 do l = {i + offset, l} end
  return l
end

local function length(l)
  local k = 0
  while l do k = k + 1; l = l[2] end
  return k
end

local function sum(l)
  local s = 0
  while l do s = s + l[1]; l = l[2] end
  return s
end

local function build_array(n, offset)
  local a = {}
  for i = 1, n do a[#a + 1] = i * 2 + offset end
  return a
end

local rounds = tonumber(arg and arg[1]) or 1500
local total = 0
for r = 1, rounds do
  local l = build(LEN, r % 5)
  local a = build_array(LEN, r % 3)
  total = total + length(l) + sum(l) + #a + a[#a]
end
print(total)
