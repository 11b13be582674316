-- do-blocks open scopes; inner locals shadow outer ones.
local x = 1
do
  local x = 2
  print(x)     -- expect: 2
  do local x = x + 1; print(x) end -- expect: 3
end
print(x)       -- expect: 1
local y = 10
local y = y * 2
print(y)       -- expect: 20
