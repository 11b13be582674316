-- Inline caches: a method site cached for one class sees objects whose metatable is swapped, removed, or
-- whose class gains and loses the method, and objects that define the method themselves.
local A = {} A.__index = A
function A:who() return "A" end
local B = {} B.__index = B
function B:who() return "B" end
local function call(o) return o:who() end
local o = setmetatable({}, A)
local r = {call(o), call(o)}
setmetatable(o, B)
r[#r + 1] = call(o)
B.who = nil
r[#r + 1] = select(2, pcall(call, o))
function B:who() return "B2" end
r[#r + 1] = call(o)
o.who = function() return "own" end
r[#r + 1] = call(o)
o.who = nil
setmetatable(o, nil)
r[#r + 1] = select(2, pcall(call, o))
print(table.concat(r, " | "))
-- expect: A | A | B | tests/ic/metatable_swapped.lua:7: attempt to call a nil value (method 'who') | B2 | own | tests/ic/metatable_swapped.lua:7: attempt to call a nil value (method 'who')
