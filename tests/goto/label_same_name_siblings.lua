-- Sibling blocks may each have a label of the same name; a goto finds the one of its own block.
local out = {}
for i = 1, 2 do
  do
    goto l
    out[#out + 1] = "skipped"
    ::l::
    out[#out + 1] = "a" .. i
  end
  do
    goto l
    out[#out + 1] = "skipped"
    ::l::
    out[#out + 1] = "b" .. i
  end
end
print(table.concat(out, " ")) -- expect: a1 b1 a2 b2
