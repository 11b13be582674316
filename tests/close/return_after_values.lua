-- return computes its values first, then closes (the values of a call, even many, survive the __close calls).
local function R(name) return setmetatable({}, {__close = function() print("close " .. name) end}) end
local function many() print("computing"); return 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 end
local function f()
  local x <close> = R("x")
  return many()
end
print(f())
local function g(...)
  local y <close> = R("y")
  return "a", ...
end
print(g(1, 2))
-- expect: computing
-- expect: close x
-- expect: 1	2	3	4	5	6	7	8	9	10
-- expect: close y
-- expect: a	1	2
