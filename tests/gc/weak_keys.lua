-- needs: collector
-- A table with __mode "k" drops entries whose key object was collected; strings, numbers and booleans are
-- values, never removed; keys still referenced stay.
local wk = setmetatable({}, {__mode = "k"})
local kept = {}
local function fill()
  for i = 1, 200 do
    local o = {}
    wk[o] = i
    if i <= 10 then kept[i] = o end
  end
end
fill()
wk.name = "string key"
wk[42] = {}
wk[true] = "t"
collectgarbage()
collectgarbage()
local objs = 0
for k in pairs(wk) do if type(k) == "table" then objs = objs + 1 end end
print(objs >= 10 and objs <= 15, wk.name, type(wk[42]), wk[true])   -- expect: true	string key	table	t
for i = 1, 10 do if wk[kept[i]] ~= i then print("lost", i) end end
