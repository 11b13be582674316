-- goto implements continue and jumps backwards.
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print() -- expect: 1 3 5 
local i = 1
::top::
if i <= 3 then io.write(i, ";"); i = i + 1; goto top end
print() -- expect: 1;2;3;
