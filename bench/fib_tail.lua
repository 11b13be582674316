-- fib_tail: proper tail calls, 200,000 deep (too deep for a C stack), self and mutual.
-- Size: number of repetitions.

local M = 1000000007

local function fibt(n, a, b)
  if n == 0 then return a end
  return fibt(n - 1, b, (a + b) % M)
end

local is_even, is_odd
function is_even(n)
  if n == 0 then return true end
  return is_odd(n - 1)
end
function is_odd(n)
  if n == 0 then return false end
  return is_even(n - 1)
end

local reps = tonumber(arg and arg[1]) or 250
local total, evens = 0, 0
for i = 1, reps do
  total = (total + fibt(200000 + i, 0, 1)) % M
  if is_even(200000 + i) then evens = evens + 1 end
end
print(total, evens)
