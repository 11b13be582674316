-- __newindex as a table redirects assignments of new keys.
local store = {}
local t = setmetatable({}, {__newindex = store})
t.a = 1
print(rawget(t, "a"), store.a) -- expect: nil	1
rawset(t, "b", 2)
t.b = 3
print(t.b, store.b)            -- expect: 3	nil
