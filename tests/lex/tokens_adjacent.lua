-- Tokens need no spaces between them where the lexer can split them.
local a=1;local b=a+-1;print(a,b) -- expect: 1	0
print(2^-1)                       -- expect: 0.5
print(1//1,3~5,~0)                -- expect: 1	6	-1
print(#"abc"..#"de")              -- expect: 32
print(1 .. 2)                     -- expect: 12
print(a--[[comment]]+1)           -- expect: 2
