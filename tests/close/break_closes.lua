-- break closes the <close> variables of the loop body (also of blocks nested in it), before the loop's end.
local function R(name) return setmetatable({}, {__close = function() print("close " .. name) end}) end
for i = 1, 3 do
  local a <close> = R("a" .. i)
  do
    local b <close> = R("b" .. i)
    if i == 2 then break end
  end
  print("iteration " .. i)
end
print("after")
-- expect: close b1
-- expect: iteration 1
-- expect: close a1
-- expect: close b2
-- expect: close a2
-- expect: after
