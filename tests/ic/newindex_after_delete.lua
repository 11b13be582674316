-- Inline caches on stores: a store site that wrote a present field must call __newindex once the field has been
-- deleted (its dead node is still there), and write raw again once the field exists.
local log = {}
local proxy = setmetatable({v = 0}, {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. v; rawset(t, k, v) end})
local function set(o, v) o.v = v end
set(proxy, 1)
set(proxy, 2)
proxy.v = nil
set(proxy, 3)
set(proxy, 4)
print(table.concat(log, " "), proxy.v)   -- expect: v=3	4
