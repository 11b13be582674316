-- load returns nil and a message on a syntax error; the chunk name defaults to the string.
print(load("return +"))                 -- expect: nil	[string "return +"]:1: unexpected symbol near '+'
print(load("x = = 1", "=mychunk"))      -- expect: nil	mychunk:1: unexpected symbol near '='
print(load("a b", "@file.lua"))         -- expect: nil	file.lua:1: syntax error near 'b'
local f, e = load("return 1\nreturn 2")
print(f, e)                             -- expect: nil	[string "return 1..."]:2: <eof> expected near 'return'
