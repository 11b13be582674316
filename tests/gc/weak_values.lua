-- needs: collector
-- A table with __mode "v" drops entries whose value object was collected, in the array part and the hash
-- part; string values and values still referenced stay.
local wv = setmetatable({}, {__mode = "v"})
local kept = {}
local function fill()
  for i = 1, 200 do
    wv[i] = {i}
    wv["k" .. i] = {i}
    if i % 50 == 0 then kept[#kept + 1] = wv[i] end
  end
end
fill()
wv.s = "a string"
collectgarbage()
collectgarbage()
local n = 0
for k, v in pairs(wv) do n = n + 1 end
print(n >= 5 and n <= 15, wv.s, wv[50] == kept[1], wv[200][1])   -- expect: true	a string	true	200
