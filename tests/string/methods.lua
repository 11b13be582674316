-- String values use the string table as their __index.
local s = "Hello"
print(s:upper(), s:lower())   -- expect: HELLO	hello
print(("x"):rep(3))           -- expect: xxx
print(("%d-%d"):format(1, 2)) -- expect: 1-2
print(#s:rep(2))              -- expect: 10
print(getmetatable("").__index == string) -- expect: true
string.shout = function(x) return x:upper() .. "!" end
print(("hey"):shout())        -- expect: HEY!
