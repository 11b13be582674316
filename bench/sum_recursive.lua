-- sum_recursive: non-tail recursion about 5,000 deep, repeated; measures deep call stacks.
-- Size: number of repetitions.

local function sum(n)
  if n == 0 then return 0 end
  return n + sum(n - 1)
end

local reps = tonumber(arg and arg[1]) or 18000
local total = 0
for i = 1, reps do
  total = total + sum(5000 - i % 7)
end
print(total)
