-- Inline caches: one site reads a field that is deleted, re-added (maybe to another node) and overwritten;
-- a dead node of the key must not be taken for a value, and __index must be consulted while it is absent.
local proto = {x = "from proto"}
local t = setmetatable({a = 1, x = 10, b = 2}, {__index = proto})
local function get(o) return o.x end
local out = {}
for round = 1, 4 do
  out[#out + 1] = tostring(get(t))
  if round == 1 then t.x = nil
  elseif round == 2 then t.c = 3; t.x = 30
  elseif round == 3 then t.x = nil; t.x = 40 end
end
print(table.concat(out, " "))   -- expect: 10 from proto 30 40
local plain = {x = 1}
plain.x = nil
print(get(plain))               -- expect: nil
plain.x = false
print(get(plain))               -- expect: false
