-- At the end of the program every object still registered for finalization has its __gc called, newest first
-- (as lua.c's lua_close); objects whose metatable got __gc only after setmetatable are not finalized.
local keep = {}
local mt = {__gc = function(o) print("gc", o.name) end}
for _, name in ipairs({"a", "b", "c"}) do keep[#keep + 1] = setmetatable({name = name}, mt) end
local late = {}
keep[#keep + 1] = setmetatable({name = "late"}, late)
late.__gc = function(o) print("gc", o.name) end
print("end of chunk")
-- expect: end of chunk
-- expect: gc	c
-- expect: gc	b
-- expect: gc	a
