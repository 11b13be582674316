-- A <close> variable captured by a closure: the closure sees it, and it is closed once, at its scope's end.
local function R(name)
  return setmetatable({name = name}, {__close = function(o) print("close " .. o.name) end})
end
local get
do
  local x <close> = R("x")
  get = function() return x.name end
  print(get())
end
print(get())
-- expect: x
-- expect: close x
-- expect: x
