-- `return f()` inside the scope of a <close> variable is not a tail call (lua5.4 compiles it as a call): the
-- variable is closed after f returns, and f's caller is still on the stack.
local function R(name) return setmetatable({}, {__close = function() print("close " .. name) end}) end
local function callee()
  print("callee, caller is " .. tostring(debug.getinfo(2, "l").currentline))
  return "r"
end
local function f()
  local x <close> = R("x")
  return callee()
end
print(f())
-- expect: callee, caller is 10
-- expect: close x
-- expect: r
