-- __eq is called only when comparing two different tables (or userdata).
local mt = {__eq = function(a, b) return a.v == b.v end}
local a = setmetatable({v = 1}, mt)
local b = setmetatable({v = 1}, mt)
local c = setmetatable({v = 2}, mt)
print(a == b, a == c, a ~= b) -- expect: true	false	false
print(a == 1, a == "x")       -- expect: false	false
local calls = 0
local d = setmetatable({}, {__eq = function() calls = calls + 1; return true end})
print(d == d, calls)          -- expect: true	0
print(d == {}, calls)         -- expect: true	1
print({} == d, calls)         -- expect: true	2
