-- break leaves the innermost loop only.
local out = {}
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then break end
    out[#out + 1] = i .. j
  end
end
print(table.concat(out, " "))  -- expect: 11 21 31
local n = 0
while true do n = n + 1; if n == 4 then break end end
print(n)                        -- expect: 4
repeat local x = 1; break until false
print("after repeat")           -- expect: after repeat
