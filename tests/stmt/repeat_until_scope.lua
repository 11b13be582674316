-- repeat-until runs at least once, and the body's locals are visible in the condition.
local i = 0
repeat
  i = i + 1
  local done = i >= 3
until done
print(i)   -- expect: 3
local n = 0
repeat n = n + 1 until true
print(n)   -- expect: 1
