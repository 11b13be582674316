-- A <close> variable's __close runs when its scope ends, in reverse order, also on error.
local function res(name) return setmetatable({}, {__close = function(_, err) print("close " .. name, err) end}) end
do
  local a <close> = res("a")
  local b <close> = res("b")
  print("body")
end
-- expect: body
-- expect: close b	nil
-- expect: close a	nil
print(pcall(function()
  local c <close> = res("c")
  error("oops", 0)
end))
-- expect: close c	oops
-- expect: false	oops
