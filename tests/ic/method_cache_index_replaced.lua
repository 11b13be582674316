-- The method cache: the __index field of a metatable replaced by a constant-key store, by a computed key, by
-- rawset, and the class table's method overwritten in place; the same call site follows every change.
local A = {m = function() return "A" end}
local B = {m = function() return "B" end}
local mt = {__index = A}
local o = setmetatable({}, mt)
local function call(x) return x.m() end
local r = {call(o), call(o)}
mt.__index = B
r[#r + 1] = call(o)
local key = "__" .. "index"
mt[key] = A
r[#r + 1] = call(o)
rawset(mt, "__index", B)
r[#r + 1] = call(o)
B.m = function() return "B2" end
r[#r + 1] = call(o)
mt.__index = function(t, k) return function() return "fn " .. k end end
r[#r + 1] = call(o)
print(table.concat(r, " "))   -- expect: A A B A B B2 fn m
