-- <const> locals lua5.4 folds into constants (literals, negated numbers, parentheses, other such locals) are
-- no upvalues: upvalue numbers and string.dump skip them; -0.0 is not folded, so it stays an upvalue
local a <const> = -1
local b <const> = -0.0
local c <const> = (-2.5)
local d <const> = a
local e <const> = - -3
local f <const> = -a
local g <const> = ("s")
local h <const>, i <const> = 1, 2
local x = 1
local function fn() return a, b, c, d, e, f, g, h, i, x end
-- only the last of several <const> locals declared together is folded (h is an upvalue, i is not)
for k = 1, 4 do print(debug.getupvalue(fn, k)) end
-- expect: b	-0.0
-- expect: h	1
-- expect: x	1
-- expect:
print(debug.getinfo(fn, "u").nups)      -- expect: 3
local r = {load(string.dump(fn))()}      -- fresh upvalues: b is the first, set to _ENV
print(r[1], type(r[2]), r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10]) -- expect: -1	table	-2.5	-1	3	1	s	nil	2	nil
