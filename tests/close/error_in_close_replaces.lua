-- An error inside __close while an error unwinds replaces it: the variables closed after it get the new one.
local function R(name, fail)
  return setmetatable({}, {__close = function(_, e)
    print("close " .. name, e)
    if fail then error(fail, 0) end
  end})
end
print(pcall(function()
  local a <close> = R("a")
  local b <close> = R("b", "from b")
  local c <close> = R("c", "from c")
  error("original", 0)
end))
-- expect: close c	original
-- expect: close b	from c
-- expect: close a	from b
-- expect: false	from b
