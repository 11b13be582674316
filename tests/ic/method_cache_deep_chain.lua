-- The method cache: a three-level chain (obj -> Leaf -> Mid -> Base). A cached method found on Base must give
-- way when Mid gains an override, when the override is removed, when Leaf is re-parented, and a cached "absent"
-- answer must give way when Base gains the key.
local Base = {} Base.__index = Base
local Mid = setmetatable({}, Base) Mid.__index = Mid
local Leaf = setmetatable({}, Mid) Leaf.__index = Leaf
function Base:who() return "base" end
local obj = setmetatable({}, Leaf)
local function who(o) return o:who() end
local function extra(o) return o.extra end
local r = {who(obj), who(obj), tostring(extra(obj))}
function Mid:who() return "mid" end
r[#r + 1] = who(obj)
Mid.who = nil
r[#r + 1] = who(obj)
local Other = {who = function() return "other" end} Other.__index = Other
setmetatable(Leaf, Other)
r[#r + 1] = who(obj)
setmetatable(Leaf, Mid)
Base.extra = "now set"
r[#r + 1] = extra(obj)
rawset(Leaf, "extra", "leaf")
r[#r + 1] = extra(obj)
print(table.concat(r, " "))   -- expect: base base nil mid base other now set leaf
