-- nested_calls: many small functions calling each other; measures call overhead and argument passing.
-- Size: number of iterations of the outer loop.

local M = 1000003

local function add(a, b) return a + b end
local function sub(a, b) return a - b end
local function mul3(a) return a * 3 end
local function clamp(x)
  if x >= M or x < 0 then return x % M end
  return x
end
local function f4(x) return clamp(add(mul3(x), 1)) end
local function f3(x) return add(f4(sub(x, 2)), 1) end
local function f2(x, y) return add(f3(x), f3(y)) end
local function f1(x) return clamp(f2(x, add(x, 1))) end

local n = tonumber(arg and arg[1]) or 5000000
local acc = 1
for i = 1, n do
  acc = f1(add(acc, i % 10))
end
print(acc)
