-- Concatenation is right associative, which shows with __concat: "a" .. "b" .. obj calls
-- __concat("b", obj), not __concat("ab", obj).
-- (The metamethod is kept trivial: lua5.4.4 can return wrong values from a chain of concatenations
-- when __concat itself calls functions or concatenates.)
local mt = {__concat = function(a, b) return #a end}
local A = setmetatable({}, mt)
local r = "a" .. "b" .. A
print(r)        -- expect: a1
local r2 = "abc" .. A
print(r2)       -- expect: 3
