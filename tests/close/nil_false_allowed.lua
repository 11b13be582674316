-- nil and false are allowed as <close> values; nothing runs for them.
local function R(name) return setmetatable({}, {__close = function() print("close " .. name) end}) end
do
  local a <close> = R("a")
  local n <close> = nil
  local f <close> = false
  local b <close> = R("b")
end
print("end")
-- expect: close b
-- expect: close a
-- expect: end
