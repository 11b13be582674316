-- __len overrides # for tables; rawlen ignores it.
local t = setmetatable({1, 2, 3}, {__len = function() return 42 end})
print(#t, rawlen(t))   -- expect: 42	3
local s = setmetatable({}, {__len = function() return "long" end})
print(#s)              -- expect: long
