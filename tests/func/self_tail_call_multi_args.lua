-- `return f(...)` in f itself, whose last argument is a call: the call's results fill the parameters left (nil
-- for missing ones, extra ones dropped), every argument is evaluated in order, and a million of them use no stack.
local log = {}
local function two(x) log[#log + 1] = "two" .. x; return x, x * 10 end
local function none() log[#log + 1] = "none" end
local function three() return 1, 2, 3 end

local function f(n, a, b)
  if n == 0 then return a, b end
  if n == 1 then return f(n - 1, none()) end             -- a and b nil
  if n == 2 then return f(n - 1, two(n)) end             -- a, b from two()
  return f(n - 1, n, three())                            -- b gets 1; 2 and 3 dropped
end
print(f(0, "x", "y"))                                    -- expect: x	y
print(f(1, "x", "y"))                                    -- expect: nil	nil
print(f(3))                                              -- expect: nil	nil
print(table.concat(log, " "))                            -- expect: none two2 none

local function g(n, acc) if n == 0 then return acc end return g(n - 1, acc + 1, three()) end
print(g(5, 0))                                           -- expect: 5

local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 3), ack(3, 3))                              -- expect: 9	61

local function count(n, k) if n == 0 then return k end return count(n - 1, select(2, n, k + 1)) end
print(count(1000000, 0))                                 -- expect: 1000000

local function err(n) if n == 0 then error("deep") end return err(n - 1, three()) end
print(pcall(err, 3))                                     -- expect: false	tests/func/self_tail_call_multi_args.lua:32: deep
