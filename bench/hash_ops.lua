-- hash_ops: inserting, looking up, updating and deleting string and integer keys in hash tables.
-- Size: number of keys per round (4 rounds).

local function string_keys(n, salt)
  local t = {}
  for i = 1, n do t["key" .. i] = i + salt end
  local s = 0
  for i = 1, n do
    local v = t["key" .. ((i * 7) % n + 1)]
    s = s + v
  end
  for i = 1, n, 3 do t["key" .. i] = nil end
  for i = 1, n, 5 do
    local k = "key" .. i
    t[k] = (t[k] or 0) + 1
  end
  local count, vsum = 0, 0
  for _, v in pairs(t) do
    count = count + 1
    vsum = vsum + v
  end
  return s + count + vsum
end

local function integer_keys(n, salt)
  local h = {}
  for i = 1, n do h[(i * 7919 + salt) % 1000003] = i end
  local hits, s = 0, 0
  for i = 1, n do
    local v = h[(i * 104729) % 1000003]
    if v then hits = hits + 1; s = s + v end
  end
  for i = 1, n, 2 do h[(i * 7919 + salt) % 1000003] = nil end
  local count = 0
  for k, v in pairs(h) do count = count + 1 end
  return hits + s + count
end

local n = tonumber(arg and arg[1]) or 260000
local total = 0
for round = 1, 4 do
  total = total + string_keys(n, round) + integer_keys(n, round)
end
print(total)
