-- fannkuch: pancake flips over every permutation of 1..n; small-array indexing and swaps.
-- Size: n.

local function fannkuch(n)
  local perm, order, count = {}, {}, {}
  for i = 1, n do order[i] = i end
  local max_flips, checksum, index = 0, 0, 0
  local r = n
  while true do
    while r > 1 do count[r] = r; r = r - 1 end
    for i = 1, n do perm[i] = order[i] end
    local flips = 0
    local k = perm[1]
    while k ~= 1 do
      local i, j = 1, k
      while i < j do
        perm[i], perm[j] = perm[j], perm[i]
        i = i + 1
        j = j - 1
      end
      flips = flips + 1
      k = perm[1]
    end
    if flips > max_flips then max_flips = flips end
    if index % 2 == 0 then checksum = checksum + flips else checksum = checksum - flips end
    -- Advance to the next permutation: rotate the first r+1 entries left until a counter is nonzero.
    while true do
      if r == n then return checksum, max_flips end
      local first = order[1]
      for i = 1, r do order[i] = order[i + 1] end
      order[r + 1] = first
      count[r + 1] = count[r + 1] - 1
      if count[r + 1] > 0 then break end
      r = r + 1
    end
    index = index + 1
  end
end

local n = tonumber(arg and arg[1]) or 10
local checksum, max_flips = fannkuch(n)
print(checksum, max_flips)
