-- <close> in the main chunk: closed when the chunk returns normally.
local function R(name) return setmetatable({}, {__close = function() print("close " .. name) end}) end
local a <close> = R("a")
local b <close> = R("b")
print("last statement")
-- expect: last statement
-- expect: close b
-- expect: close a
