-- An uncaught error with level 2 reports the line of the call.
local function check(x)
  if not x then error("check failed", 2) end
end
check(true)
check(false) -- expect error: :6: check failed
