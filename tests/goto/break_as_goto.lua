-- break jumps past the end of the innermost loop, from nested blocks, and mixes with gotos.
local out = {}
for i = 1, 3 do
  local j = 0
  repeat
    j = j + 1
    do
      if j == 2 then break end
    end
    out[#out + 1] = i .. ":" .. j
  until j > 5
  if i == 2 then goto skip end
  out[#out + 1] = "end" .. i
  ::skip::
end
print(table.concat(out, " ")) -- expect: 1:1 end1 2:1 3:1 end3
