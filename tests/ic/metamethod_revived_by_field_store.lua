-- A metamethod field deleted and then stored again by a constant-key store (an inline-cached site) must be
-- seen again by the operator, although the metatable had cached it as absent in between.
local mt = {}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
local function seteq(f) mt.__eq = f end
seteq(function() return true end)
print(a == b)          -- expect: true
seteq(nil)
print(a == b)          -- expect: false
seteq(function() return true end)
print(a == b)          -- expect: true
