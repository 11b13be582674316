-- The length operator returns the border of a sequence.
local t = {}
for i = 1, 100 do t[i] = i end
print(#t)         -- expect: 100
t[101] = 1
print(#t)         -- expect: 101
t[101] = nil
t[100] = nil
print(#t)         -- expect: 99
local s = {n = 3}
print(#s)         -- expect: 0
