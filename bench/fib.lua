-- fib: naive doubly recursive Fibonacci; measures the cost of a call and return.
-- Size: n, computes fib(n) once (2*fib(n+1)-1 calls).

local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local n = tonumber(arg and arg[1]) or 38
print(fib(n))
