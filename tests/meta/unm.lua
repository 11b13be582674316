-- __unm implements unary minus.
local v = setmetatable({x = 3}, {__unm = function(a) return -a.x end})
print(-v)   -- expect: -3
