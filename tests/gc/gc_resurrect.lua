-- needs: collector
-- A finalizer may store its object: it comes back whole, with what it refers to; it is finalized once only
-- unless setmetatable registers it again.
saved = nil
local count = 0
local mt = {}
mt.__gc = function(o) count = count + 1; saved = o end
local function make()
  local inner = {payload = string.rep("x", 10)}
  setmetatable({inner = inner, n = 7}, mt)
end
for i = 1, 3 do make(); collectgarbage() end
collectgarbage()
print(saved ~= nil, saved and saved.n, saved and saved.inner.payload)   -- expect: true	7	xxxxxxxxxx
local before = count
local again = saved
saved = nil
again = nil
collectgarbage()
collectgarbage()
print(count == before)       -- expect: true
