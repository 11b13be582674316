-- __metatable hides the metatable and protects it from changes.
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t))              -- expect: locked
print(pcall(setmetatable, t, {}))   -- expect: false	cannot change a protected metatable
setmetatable(t, nil) -- expect error: cannot change a protected metatable
