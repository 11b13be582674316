-- debug.getlocal/setlocal with negative indices: the varargs of a running vararg function
local function f(x, ...)
  print(debug.getlocal(1, -1))
  print(debug.getlocal(1, -2))
  print(debug.getlocal(1, -3))
  print(debug.setlocal(1, -2, "changed"))
  print(debug.setlocal(1, -5, "none"))
  print(...)
  return select("#", ...)
end
print(f(1, "a", "b"))
-- expect: (vararg)	a
-- expect: (vararg)	b
-- expect: nil
-- expect: (vararg)
-- expect: nil
-- expect: a	changed
-- expect: 2
print(f(1))
-- expect: nil
-- expect: nil
-- expect: nil
-- expect: nil
-- expect: nil
-- expect:
-- expect: 0
local function g(...)
  local v = {debug.getlocal(1, -1)}
  return v[1], v[2]
end
print(g(10, 20))                    -- expect: (vararg)	10
-- the parameters of a vararg function that never assigns them
local function p(a, b, ...)
  print(debug.getlocal(1, 1))
  print(debug.getlocal(1, 2))
  return a
end
p("one")
-- expect: a	one
-- expect: b	nil
p("one", "two", "three")
-- expect: a	one
-- expect: b	two
print(pcall(debug.getlocal, 50, 1)) -- expect: false	bad argument #1 to 'debug.getlocal' (level out of range)
print(pcall(debug.getlocal, 1, "x")) -- expect: false	bad argument #2 to 'debug.getlocal' (number expected, got string)
