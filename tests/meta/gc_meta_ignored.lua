-- collectgarbage is callable and __gc does not affect normal execution.
local t = setmetatable({}, {__gc = function() end})
print(type(collectgarbage("count"))) -- expect: number
collectgarbage()
print(t ~= nil) -- expect: true
