-- fib.lua: naive recursive Fibonacci with timing. Usage: vmc run samples/fib.lua [n]
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local n = tonumber(arg and arg[1]) or 30
local t0 = os.clock()
local r = fib(n)
local dt = os.clock() - t0
print(string.format("fib(%d) = %d", n, r))
print(string.format("time: %.3f s", dt))
