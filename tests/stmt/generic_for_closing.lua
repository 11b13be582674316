-- The generic for's fourth value is a to-be-closed value closed when the loop ends, also by break.
local function closing_iter(n)
  local i = 0
  local closer = setmetatable({}, {__close = function() print("closed") end})
  return function() i = i + 1; if i <= n then return i end end, nil, nil, closer
end
for i in closing_iter(2) do print(i) end
-- expect: 1
-- expect: 2
-- expect: closed
for i in closing_iter(5) do if i == 2 then break end end
-- expect: closed
print("end") -- expect: end
