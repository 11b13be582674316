-- setmetatable returns its table; getmetatable returns the metatable or nil.
local mt = {}
local t = {}
print(setmetatable(t, mt) == t)   -- expect: true
print(getmetatable(t) == mt)      -- expect: true
print(getmetatable({}))           -- expect: nil
setmetatable(t, nil)
print(getmetatable(t))            -- expect: nil
print(getmetatable("abc").__index == string) -- expect: true
print(getmetatable(1))            -- expect: nil
