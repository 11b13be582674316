-- An error closes the pending variables, newest first, each __close getting the error object.
local function R(name)
  return setmetatable({}, {__close = function(_, e) print("close " .. name, type(e) == "table" and e.tag or e) end})
end
local err = {tag = "obj"}
local ok, e = pcall(function()
  local a <close> = R("a")
  local b <close> = R("b")
  error(err)
end)
print(ok, e == err)
-- expect: close b	obj
-- expect: close a	obj
-- expect: false	true
