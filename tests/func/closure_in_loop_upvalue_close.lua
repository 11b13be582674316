-- Upvalues captured inside a loop body are closed at the end of each iteration, also on break.
local fs = {}
for i = 1, 10 do
  local x = i * i
  fs[#fs + 1] = function() return x end
  if i == 3 then break end
end
print(#fs, fs[1](), fs[2](), fs[3]()) -- expect: 3	1	4	9
local gs = {}
local n = 0
repeat
  n = n + 1
  local m = n
  gs[n] = function() return m end
until m >= 2
print(gs[1](), gs[2]()) -- expect: 1	2
