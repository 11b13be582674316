-- Without __le, lua5.4 (built with LUA_COMPAT_LT_LE, the default) computes a <= b as not (b < a) using __lt.
local t = setmetatable({}, {__lt = function(a, b) return a.v < b.v end})
local u = setmetatable({v = 1}, getmetatable(t))
t.v = 2
print(pcall(function() return t <= u, u <= t end)) -- expect: true	false	true
local plain = {}
print(pcall(function() return plain <= plain end)) -- expect: false	tests/meta/le_lt_fallback.lua:7: attempt to compare two table values
