-- An error in __close at a normal scope exit is an ordinary error: the remaining variables are closed with it.
local function R(name, fail)
  return setmetatable({}, {__close = function(_, e)
    print("close " .. name, e)
    if fail then error(fail, 0) end
  end})
end
print(pcall(function()
  local a <close> = R("a")
  do
    local b <close> = R("b", "boom")
  end
  print("not reached")
end))
-- expect: close b	nil
-- expect: close a	boom
-- expect: false	boom
