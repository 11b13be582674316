-- ipairs respects __index.
local t = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(t) do io.write(v, " ") end print("|") -- expect: 10 20 30 |
