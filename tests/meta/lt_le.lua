-- __lt and __le implement <, >, <= and >= (with swapped operands for > and >=).
local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local function V(v) return setmetatable({v = v}, mt) end
print(V(1) < V(2), V(2) < V(1))   -- expect: true	false
print(V(1) > V(2), V(2) > V(1))   -- expect: false	true
print(V(2) <= V(2), V(3) >= V(2)) -- expect: true	true
local mixed = setmetatable({}, {__lt = function(a, b) return type(a) == "number" end})
print(1 < mixed, mixed < 1)       -- expect: true	false
