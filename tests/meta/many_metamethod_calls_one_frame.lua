-- Regression: every metamethod call left the value stack's high-water mark one slot higher until the calling
-- function returned, so a loop making over a million of them in one activation raised "stack overflow" (and,
-- before that, made the collector scan ever more stale slots: 87 MB peak for bench/ray_trace instead of 3 MB).
local mt = {__add = function(a, b) return a end, __index = function(t, k) return k end}
local o = setmetatable({}, mt)
local n = 0
for i = 1, 1100000 do
  local r = o + 1
  if o.key == "key" then n = n + 1 end
end
print(n)   -- expect: 1100000
