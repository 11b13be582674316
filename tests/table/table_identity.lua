-- Tables are compared by identity and shared by reference.
local a = {}
local b = a
local c = {}
print(a == b, a == c) -- expect: true	false
b.x = 1
print(a.x)            -- expect: 1
