-- Assigning to the loop variable does not change the iteration.
local out = {}
for i = 1, 3 do
  out[#out + 1] = i
  i = i * 10
  out[#out + 1] = i
end
print(table.concat(out, " ")) -- expect: 1 10 2 20 3 30
