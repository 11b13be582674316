-- Concatenating a number with the empty string makes the number's string; a string with "" is the string.
print(1 .. "", math.type(1), type(1 .. ""))   -- expect: 1	integer	string
print("" .. 2.5, "" .. -0.0)                 -- expect: 2.5	-0.0
local s = "abc"
print(s .. "" == s, ("" .. s):upper())       -- expect: true	ABC
print(10 .. 20, 1e100 .. "")                 -- expect: 1020	1e+100
