-- debug.getlocal(f, n): the name of a function's n-th parameter (nil past them, and for C functions)
local function f(a, b, c) local d = 1 return d end
print(debug.getlocal(f, 1), debug.getlocal(f, 2), debug.getlocal(f, 3)) -- expect: a	b	c
print(debug.getlocal(f, 4))                                  -- expect: nil
print(debug.getlocal(f, 0))                                  -- expect: nil
print(debug.getlocal(f, -1))                                 -- expect: nil
local t = {}
function t:m(x, ...) x = 1 end
print(debug.getlocal(t.m, 1), debug.getlocal(t.m, 2), debug.getlocal(t.m, 3)) -- expect: self	x	nil
print(debug.getlocal(print, 1))                              -- expect: nil
