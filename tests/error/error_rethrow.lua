-- Rethrowing a caught error value keeps it unchanged.
local ok, e = pcall(function()
  local ok2, e2 = pcall(error, {tag = "T"})
  error(e2)
end)
print(ok, e.tag)     -- expect: false	T
local ok3, e3 = pcall(function()
  local _, m = pcall(error, "msg")
  error(m, 0)
end)
print(ok3, e3)       -- expect: false	msg
