-- A vararg function tail-calling with `...` plus extra values: the varargs overlap the new arguments.
local function pack(...) return {n = select('#', ...), ...} end
local function show(t) local s = {} for i = 1, t.n do s[i] = tostring(t[i]) end return table.concat(s, ",") end
local function pre(...) return pack("x", "y", ...) end
print(show(pre(1, 2, 3)))  -- expect: x,y,1,2,3
print(show(pre()))         -- expect: x,y
local function mid(a, ...) return pack(a, a, ...) end
print(show(mid(7, nil, 9)))  -- expect: 7,7,nil,9
-- drops the first vararg each time, 100000 deep through a global
function drop(k, first, ...)
  if k == 0 then return first, select('#', ...) end
  return drop(k - 1, ...)
end
local function many(n) local t = {} for i = 1, n do t[i] = i end return table.unpack(t) end
print(drop(3, many(6)))  -- expect: 4	2
local function spin(n, ...) if n == 0 then return ... end return (spin)(n - 1, ...) end
local up = spin
function loop(n, ...) if n == 0 then return select('#', ...), ... end return loop(n - 1, n, ...) end
print(loop(5))  -- expect: 5	1	2	3	4	5
print(up(100000, "a", "b"))  -- expect: a	b
