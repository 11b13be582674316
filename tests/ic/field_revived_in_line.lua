-- needs: collector
-- A store by name into a node that holds its key with nil (the field was set to nil before) is done in line only
-- when nothing must hear of it; otherwise the slow path sees __newindex, a metatable's cached facts, a class's
-- method cache and a metatable's __gc coming back. Each case warms its own site first.
local function set_a(o, v) o.a = v end

-- a plain object: revived in line
local p = {a = 1}
set_a(p, nil); set_a(p, 2); set_a(p, nil); set_a(p, 3)
print(p.a, rawget(p, "a"))                                 -- expect: 3	3

-- __newindex sees a store into a key whose value is nil, although the key's node is there
local log = {}
local mt = {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v); rawset(t, k, v) end}
local o = setmetatable({}, mt)
rawset(o, "a", 1)
set_a(o, nil)                                              -- present: a raw store of nil, no __newindex
set_a(o, 5)                                                -- now absent: __newindex
set_a(o, nil)
set_a(o, 6)
print(table.concat(log, " "), rawget(o, "a"))              -- expect: a=5 a=6	6

-- a metatable that cached "no __newindex" gets one through a field whose node held nil
local function set_ni(t, f) t.__newindex = f end
local meta = {}
set_ni(meta, function() end); set_ni(meta, nil)            -- meta's "__newindex" node holds nil now
local obj = setmetatable({}, meta)
obj.x = 1                                                  -- caches: meta has no __newindex
set_ni(meta, function(t, k, v) rawset(t, k, "via " .. v) end)
obj.y = "y"
print(obj.x, obj.y)                                        -- expect: 1	via y

-- a class whose method was set to nil gets it back: method caches see it
local Class = {}
Class.__index = Class
local function set_m(c, f) c.m = f end
set_m(Class, function() return "first" end)
local inst = setmetatable({}, Class)
local function call(x) return x:m() end
print(call(inst))                                          -- expect: first
set_m(Class, nil)
print(pcall(call, inst))                                   -- expect: false	tests/ic/field_revived_in_line.lua:39: attempt to call a nil value (method 'm')
set_m(Class, function() return "second" end)
print(call(inst))                                          -- expect: second

-- a metatable known to lack __gc gets one back: objects given it later are finalized
local function set_gc(t, f) t.__gc = f end
local gmt = {}
set_gc(gmt, 1); set_gc(gmt, nil)
setmetatable({}, gmt)                                      -- gmt is known to have neither __gc nor __mode
set_gc(gmt, function() print("finalized") end)
setmetatable({}, gmt)
collectgarbage()                                           -- expect: finalized
