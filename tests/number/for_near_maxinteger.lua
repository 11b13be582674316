-- Integer for loops near the limits must not overflow and loop forever.
local n = 0
for i = math.maxinteger - 2, math.maxinteger do n = n + 1 end
print(n) -- expect: 3
n = 0
for i = math.mininteger + 2, math.mininteger, -1 do n = n + 1 end
print(n) -- expect: 3
n = 0
for i = math.maxinteger - 1, math.maxinteger, 10 do n = n + 1 end
print(n) -- expect: 1
n = 0
for i = 1, math.huge do n = n + 1 if n == 5 then break end end
print(n) -- expect: 5
n = 0
for i = 0, math.mininteger, -math.maxinteger do n = n + 1 end
print(n) -- expect: 2
