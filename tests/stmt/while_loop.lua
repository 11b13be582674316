-- while checks its condition before each iteration.
local i, s = 0, 0
while i < 5 do i = i + 1; s = s + i end
print(i, s)     -- expect: 5	15
while false do print("never") end
local n = 10
while n > 0 do n = n - 3 end
print(n)        -- expect: -2
