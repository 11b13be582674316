-- At the normal end of its scope, each <close> variable's __close runs with (value, nil), newest first.
local function R(name)
  return setmetatable({}, {__close = function(o, e) print("close " .. name, e, select("#", o, e)) end})
end
do
  local a <close> = R("a")
  local b, c <close> = 1, R("c")
  print("body")
end
print("after") -- expect: body
-- expect: close c	nil	2
-- expect: close a	nil	2
-- expect: after
