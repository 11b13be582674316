-- os.exit(code, true) closes the state first, running the pending finalizers; plain os.exit does not.
local t = setmetatable({}, {__gc = function() print("finalized") end})
print("exiting")      -- expect: exiting
os.exit(3, true)      -- expect exit: 3
-- expect: finalized
