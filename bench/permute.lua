-- permute: generating all permutations of 1..n by recursive swapping; array element swaps and calls.
-- Size: n; two passes, every permutation is hashed whole.

local M = 1000003

local function permute(a, k, n, visit)
  if k == n then
    visit(a)
    return
  end
  for i = k, n do
    a[k], a[i] = a[i], a[k]
    permute(a, k + 1, n, visit)
    a[k], a[i] = a[i], a[k]
  end
end

local n = tonumber(arg and arg[1]) or 10
local count, hash, fixed = 0, 0, 0
local function visit(p)
  count = count + 1
  local h = hash
  for i = 1, n do
    local v = p[i]
    h = (h * 31 + v) % M
    if v == i then fixed = fixed + 1 end
  end
  hash = h
end

-- Two passes: from the identity and from the reversed identity.
local a = {}
for i = 1, n do a[i] = i end
permute(a, 1, n, visit)
for i = 1, n do a[i] = n + 1 - i end
permute(a, 1, n, visit)
print(count, hash, fixed)
