-- An error in __gc does not stop the program: it becomes a warning "error in __gc (...)" when warnings are on
-- (warn("@on")). Both objects live to the end: their finalizers run at exit, newest first.
warn("@on")
local keep = setmetatable({}, {__gc = function() error("boom in gc") end})
local quiet = setmetatable({}, {__gc = function() error("unseen") end})
print("done")   -- expect: done
-- expect exit: 0
-- expect stderr: Lua warning: error in __gc (tests/gc/gc_error_warning.lua:5: unseen)
-- expect stderr: Lua warning: error in __gc (tests/gc/gc_error_warning.lua:4: boom in gc)
