-- Inline caches: __index of a metatable turns from a table into a function and back, and is replaced by
-- another table holding the same key; each read at the one site must follow the change.
local mt = {}
local C1 = {v = "C1"}
mt.__index = C1
local o = setmetatable({}, mt)
local function get() return o.v end
local r = {get(), get()}
mt.__index = function(t, k) return "fn:" .. k end
r[#r + 1] = get()
mt.__index = {v = "C2"}
r[#r + 1] = get()
mt.__index = C1
C1.v = "C1'"
r[#r + 1] = get()
mt.__index = nil
r[#r + 1] = tostring(get())
rawset(mt, "__index", C1)
r[#r + 1] = get()
print(table.concat(r, " "))   -- expect: C1 C1 fn:v C2 C1' nil C1'
