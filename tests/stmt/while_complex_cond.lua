-- Conditions with and/or and calls in loops.
local t = {3, 1, 4, 1, 5, 9, 2, 6}
local i = 1
while t[i] and t[i] ~= 9 do i = i + 1 end
print(i)  -- expect: 6
local j = #t
repeat j = j - 1 until j == 0 or t[j] == 1
print(j)  -- expect: 4
