-- collectgarbage("step") never reported a finished cycle, so `repeat until collectgarbage("step", n)` never
-- ended; and "count" did not drop after a collection. In incremental mode steps add up to a full cycle.
print(collectgarbage("incremental"))   -- expect: generational
local n = 0
repeat n = n + 1 until collectgarbage("step", 100) or n == 1000
print(n)                               -- expect: 1
print(collectgarbage("step", 20000))   -- expect: true
local function dosteps(kb)
  collectgarbage()
  local a = {}
  for i = 1, 100 do a[i] = {{}}; last = {i} end   -- 99 of the globals' tables become garbage
  local x = collectgarbage("count")
  local i = 0
  repeat i = i + 1 until collectgarbage("step", kb) or i == 100000
  return i < 100000, collectgarbage("count") < x
end
print(dosteps(0))                      -- expect: true	true
print(dosteps(2))                      -- expect: true	true
collectgarbage("stop")                 -- steps work while the collector is stopped
print(dosteps(20000))                  -- expect: true	true
print(collectgarbage("isrunning"))     -- expect: false
collectgarbage("restart")
-- generational mode: small steps are young collections, which finish no cycle
print(collectgarbage("generational"))  -- expect: incremental
collectgarbage()
print(collectgarbage("step"))          -- expect: false
