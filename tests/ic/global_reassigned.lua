-- Inline caches on globals: a global read at one site after it is reassigned directly, through _ENV,
-- through rawset(_G, ...), set to nil, and shadowed by a new _ENV table.
x = 1
local function getx() return x end
local r = {getx()}
x = 2
r[#r + 1] = getx()
_ENV.x = 3
r[#r + 1] = getx()
rawset(_G, "x", 4)
r[#r + 1] = getx()
_G.x = nil
r[#r + 1] = tostring(getx())
for i = 1, 100 do _G["g" .. i] = i end   -- the globals table grows and is rebuilt
x = 5
r[#r + 1] = getx()
local function getx2()
  local _ENV = {x = "inner"}
  return x
end
r[#r + 1] = getx2()
print(table.concat(r, " "))   -- expect: 1 2 3 4 nil 5 inner
