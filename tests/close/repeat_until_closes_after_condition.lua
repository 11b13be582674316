-- In repeat-until the condition sees the block's <close> variables: they are closed after it, both when the
-- loop goes on and when it ends.
local function R(name) return setmetatable({v = name}, {__close = function(o) print("close " .. o.v) end}) end
local n = 0
repeat
  n = n + 1
  local x <close> = R(n)
until (function() print("until " .. x.v); return n == 2 end)()
-- expect: until 1
-- expect: close 1
-- expect: until 2
-- expect: close 2
