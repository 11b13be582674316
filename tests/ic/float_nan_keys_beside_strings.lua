-- Inline caches: a table with float, integer-valued float, and string keys side by side; a field site keeps
-- finding its string key while numeric keys come and go, and a NaN key is refused.
local t = {name = "n"}
local function name(o) return o.name end
local r = {}
for i = 1, 50 do
  t[i + 0.5] = i
  t[i * 1.0] = -i           -- normalised to the integer key i
  if i % 10 == 0 then r[#r + 1] = name(t) end
end
print(table.concat(r), t[2], t[2.0], t[2.5], math.type(next({[3.0] = 1})))   -- expect: nnnnn	-2	-2	2	integer
print(pcall(function() t[0 / 0] = 1 end))   -- expect: false	tests/ic/float_nan_keys_beside_strings.lua:12: table index is NaN
print(t[0 / 0], name(t))                     -- expect: nil	n
