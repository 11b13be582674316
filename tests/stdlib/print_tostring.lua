-- print uses __tostring and __name.
local obj = setmetatable({}, {__tostring = function() return "I am obj" end})
print(obj, 1)   -- expect: I am obj	1
