-- Fields may be separated by ',' or ';' and a trailing separator is allowed.
local t = {1, 2; 3,}
print(#t)           -- expect: 3
local u = {a = 1; b = 2;}
print(u.a + u.b)    -- expect: 3
