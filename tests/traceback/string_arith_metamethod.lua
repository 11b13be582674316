-- Arithmetic on a string that is not a numeral fails inside lua5.4's string metamethod, a C function.
local function scale(s) return s * 2 end
scale("1x")
-- expect stderr: tests/traceback/string_arith_metamethod.lua:2: attempt to mul a 'string' with a 'number'
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in metamethod 'mul'
-- expect stderr: 	tests/traceback/string_arith_metamethod.lua:2: in local 'scale'
-- expect stderr: 	tests/traceback/string_arith_metamethod.lua:3: in main chunk
-- expect stderr: 	[C]: in ?
