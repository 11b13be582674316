-- goto leaves several nested loops at once.
local found
for i = 1, 10 do
  for j = 1, 10 do
    local k = 0
    while true do
      k = k + 1
      if i * j * k == 24 and k == 2 then
        found = i .. "," .. j .. "," .. k
        goto done
      end
      if k > 3 then break end
    end
  end
end
::done::
print(found) -- expect: 2,6,2
