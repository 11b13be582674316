-- needs: collector
-- setmetatable's fast entry (plain classes only) leaves a weak metatable to the function: the table becomes weak
-- even after many plain setmetatable calls, and a class that gains __mode later makes its next tables weak.
local Plain = {}
for i = 1, 100 do setmetatable({}, Plain) end
local weak = setmetatable({}, {__mode = "k"})
Plain.__mode = "k"                                   -- Plain is no longer plain: the next table is weak
local weak2 = setmetatable({}, Plain)
local function fill(t) for i = 1, 100 do t[{}] = i end end
fill(weak)
fill(weak2)
collectgarbage()
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
print(count(weak) < 50, count(weak2) < 50)                       -- expect: true	true
