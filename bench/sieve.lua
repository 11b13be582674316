-- sieve: the sieve of Eratosthenes over a boolean array; tight loops over table slots.
-- Size: number of repetitions of a sieve up to 200,000.

local LIMIT = 200000

local function sieve(limit)
  local composite = {}
  for i = 1, limit do composite[i] = false end
  local count, sum = 0, 0
  for i = 2, limit do
    if not composite[i] then
      count = count + 1
      sum = sum + i
      for j = i * i, limit, i do composite[j] = true end
    end
  end
  return count, sum
end

local reps = tonumber(arg and arg[1]) or 300
local total_count, total_sum = 0, 0
for r = 1, reps do
  local c, s = sieve(LIMIT - r % 2)
  total_count = total_count + c
  total_sum = total_sum + s
end
print(total_count, total_sum)
