-- __tostring must return a string (a number is accepted and converted to a string).
local t = setmetatable({}, {__tostring = function() return {} end})
print(pcall(tostring, t)) -- expect: false	'__tostring' must return a string
local n = setmetatable({}, {__tostring = function() return 42 end})
print(tostring(n), type(tostring(n))) -- expect: 42	string
