-- ackermann: the Ackermann-Peter function; deep, irregular recursion (about 2^(n+3) frames at the deepest).
-- Size: n; two passes, each computing ack(2, k) for k = 1..10n and ack(3, k) for k = 1..n.

local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end

local n = tonumber(arg and arg[1]) or 10
local total = 0
for pass = 1, 2 do
  for k = 1, n * 10 do
    total = total + ack(2, k)
  end
  for k = 1, n do
    local v = ack(3, k)
    total = total + v * pass
    if pass == 1 then print(k, v) end
  end
end
print(total)
