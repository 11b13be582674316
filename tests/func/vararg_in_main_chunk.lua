-- The main chunk is a vararg function (no script arguments here).
print(select("#", ...)) -- expect: 0
local t = {...}
print(#t)               -- expect: 0
