-- A label is visible in the whole block that declares it, nested blocks included (not nested functions).
local n = 0
do
  do
    do
      n = n + 1
      if n < 3 then goto again end
    end
  end
  ::again::
  if n < 3 then goto top end
end
::top::
if n < 3 then
  n = n + 10
  goto top
end
print(n) -- expect: 11
