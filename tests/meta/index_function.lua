-- __index as a function receives the table and the key.
local t = setmetatable({x = 1}, {__index = function(tab, k) return k .. "!" end})
print(t.x, t.y, t[1])   -- expect: 1	y!	1!
local calls = 0
local u = setmetatable({}, {__index = function(tab, k) calls = calls + 1; rawset(tab, k, k * 2); return k * 2 end})
print(u[5], u[5], calls) -- expect: 10	10	1
