-- A tail call with more arguments than the caller received (the callee's frame is larger).
local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do s = s + select(i, ...) end
  return s
end
local function wide(x) return sum(x, x, x, x, x, x, x, x, x, x, x, x) end
print(wide(2))  -- expect: 24
local function g(a, b, c, d, e) return a, b, c, d, e end
local function f(x) return g(x, x + 1, x + 2, x + 3) end
print(f(1))  -- expect: 1	2	3	4	nil
-- arguments computed from the caller's own parameters, reordered
local function swap(a, b, c) if c == 0 then return a, b end return swap(b, a, c - 1) end
local function rot(a, b, c) return swap(c, a, b) end
print(rot(1, 2, 3))  -- expect: 3	1
-- shrinking then growing in a loop 100000 deep
local grow, shrink
function grow(n, a) if n == 0 then return a end return shrink(n - 1, a, 1, 2, 3, 4, 5, 6) end
function shrink(n, a, ...) return grow(n, a + select('#', ...)) end
print(grow(100000, 0))  -- expect: 600000
