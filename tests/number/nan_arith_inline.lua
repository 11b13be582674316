-- NaN from the arithmetic done in line (tcc's macros box results without VM_MKFLT's check on x86-64, gcc's
-- functions with it): the sign lua5.4 prints, NaN as a key refused, NaN never equal to itself.
local inf = math.huge
local a, b = inf - inf, 0/0
print(a, b, -a, a + 1, a * 2, b / 3, inf * 0, -(inf - inf), (-inf) + inf)
-- expect: -nan	-nan	nan	-nan	-nan	-nan	-nan	nan	-nan
local x, y = 0.0, 0.0
print(x / y, -(x / y), (x / y) * -1, math.abs(x / y))
-- expect: -nan	nan	-nan	nan
local t = {}
print(pcall(function() t[x / y] = 1 end))
-- expect: false	tests/number/nan_arith_inline.lua:11: table index is NaN
print(string.format("%.1f %q", a, a), a ~= a, math.type(a))
-- expect: -nan (0/0)	true	float
