-- Not an error: a call's arguments may start on the next line (Lua 5.4 has no ambiguity error).
local f = print
f
("ok") -- expect: ok
