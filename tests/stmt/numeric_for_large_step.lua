-- A step larger than the range gives one iteration; huge steps do not overflow.
local n = 0
for i = 1, 10, math.maxinteger do n = n + 1 end
print(n) -- expect: 1
n = 0
for i = -1, -10, math.mininteger do n = n + 1 end
print(n) -- expect: 1
n = 0
for i = math.mininteger, math.maxinteger, math.maxinteger do n = n + 1 end
print(n) -- expect: 3
