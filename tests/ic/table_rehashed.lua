-- Inline caches: a table grows (its hash part is rebuilt, nodes move) between two reads at the same site, and
-- shrinks again after deletions; every read must still find the field.
local t = {name = "t", size = 0}
local function name(o) return o.name end
local seen = {}
for i = 1, 2000 do
  t["k" .. i] = i
  if i % 250 == 0 then seen[#seen + 1] = name(t) end
end
for i = 1, 2000 do t["k" .. i] = nil end
for i = 1, 40 do t[i] = i end          -- new keys after the deletions rebuild the table
seen[#seen + 1] = name(t)
t.name = "renamed"
seen[#seen + 1] = name(t)
print(#seen, table.concat(seen, ","))  -- expect: 10	t,t,t,t,t,t,t,t,t,renamed
