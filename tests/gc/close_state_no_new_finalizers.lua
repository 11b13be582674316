-- When the state closes (program end), finalizers run once more for every object with one; an object given a
-- __gc by those finalizers gets no finalizer (lua5.4 registers none then), so this ends.
local mt = {}
local n = 0
mt.__gc = function(o)
  n = n + 1
  print("gc", n)
  setmetatable(o, mt)                                   -- no finalizer any more: not called again
  setmetatable({}, {__gc = function() print("never") end})
end
setmetatable({}, mt)
_G.keep = setmetatable({}, mt)
print("end of main")
-- expect: end of main
-- expect: gc	1
-- expect: gc	2
