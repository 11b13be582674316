-- needs: collector
-- __gc runs when collectgarbage() finds the object unreachable, before collectgarbage returns (each finalizer
-- once). vmc's collector is conservative: a stray copy of a pointer may keep an object longer, so the test counts.
local ran = {}
local function make(n)
  for i = 1, n do setmetatable({i = i}, {__gc = function(o) ran[#ran + 1] = o.i end}) end
end
make(100)
collectgarbage()
collectgarbage()
print(#ran >= 95)            -- expect: true
local seen, once = {}, true
for _, i in ipairs(ran) do
  if seen[i] then once = false end
  seen[i] = true
end
print(once)                  -- expect: true
