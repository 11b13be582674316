-- An error raised inside an __index function propagates to pcall.
local t = setmetatable({}, {__index = function(_, k) error("no field " .. k) end})
print(pcall(function() return t.foo end)) -- expect: false	tests/meta/index_metamethod_error.lua:2: no field foo
