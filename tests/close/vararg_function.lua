-- <close> in a vararg function: the varargs are still there after the closing, and returned as they were.
local function R(name) return setmetatable({}, {__close = function() print("close " .. name) end}) end
local function f(...)
  local x <close> = R("x")
  local n = select("#", ...)
  return n, ...
end
print(f(1, nil, 3)) -- expect: close x
-- expect: 3	1	nil	3
