-- os.exit(code) without close leaves finalizers unrun, as lua5.4.
local t = setmetatable({}, {__gc = function() print("finalized") end})
print("exiting")      -- expect: exiting
os.exit(0)
