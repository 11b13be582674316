-- Constructors with named fields start from the site's template (the first table's nodes): fields given nil,
-- duplicate keys, keys added to the first table after it was built, and a first table rebuilt by growth must all
-- leave each new table exactly as its constructor and later stores say.
local function make(x, y, z) return {x = x, y = y, z = z, x2 = x} end
local a = make(1, 2, 3)
a.extra = "first only"
for i = 1, 40 do a["k" .. i] = i end      -- the first table is rebuilt: no template from it
local b = make(4, nil, 6)
local c = make(7, 8, nil)
local function keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks)
  return table.concat(ks, ",")
end
print(keys(b), keys(c))                  -- expect: x,x2,z	x,x2,y
print(b.y, c.z, b.extra, c.x2)           -- expect: nil	nil	nil	7
local function dup(v) return {k = 1, k = v} end
print(dup(2).k, dup(nil).k, next(dup(nil)))   -- expect: 2	nil	nil
local function pt(px) return {px = px, py = 0} end
local p1 = pt(1)
p1.label = "p1"                          -- added after construction, no rebuild: kept in the template as absent
local p2, p3 = pt(2), pt(3)
print(p2.label, keys(p2), p3.px)         -- expect: nil	px,py	3
p2.label = "p2"
print(p2.label, keys(p2), keys(p3))      -- expect: p2	label,px,py	px,py
