-- An error caught by an inner pcall closes only what was opened inside it.
local function R(name) return setmetatable({}, {__close = function(_, e) print("close " .. name, e) end}) end
local function f()
  local outer <close> = R("outer")
  print(pcall(function()
    local inner <close> = R("inner")
    error("x", 0)
  end))
  print("still in f")
end
f()
-- expect: close inner	x
-- expect: false	x
-- expect: still in f
-- expect: close outer	nil
