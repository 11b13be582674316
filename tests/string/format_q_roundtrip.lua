-- A string quoted with %q loads back to the same string.
local s = "line1\nline2\0\r\t\"\\" .. string.char(200, 1, 2, 3)
local back = load("return " .. string.format("%q", s))()
print(back == s)   -- expect: true
local f = load("return " .. string.format("%q", 0.1))()
print(f == 0.1, math.type(f)) -- expect: true	float
