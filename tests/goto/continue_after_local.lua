-- A label at the end of a block counts as outside the scope of the block's locals, so `goto continue` may
-- jump over them (lua5.4 §3.3.4); void statements after the label do not change that.
local out = {}
for i = 1, 6 do
  if i % 3 == 0 then goto continue end
  local sq = i * i
  out[#out + 1] = sq
  ::continue:: ;
end
print(table.concat(out, ",")) -- expect: 1,4,16,25
local i = 0
while i < 5 do
  i = i + 1
  if i == 2 then goto next end
  local s = "v" .. i
  io.write(s, " ")
  ::next::
  ::also::
end
print() -- expect: v1 v3 v4 v5 
