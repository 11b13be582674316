-- Integer floor division by zero is an error. (lua5.4.4 reports the line of the last call made in the
-- function, so the division sits in a function of its own on the line it is called from.)
local zero = 0
print(pcall(function() return 1 // zero end)) -- expect: false	tests/number/int_div_by_zero.lua:4: attempt to divide by zero
print(1 // 1.0 // zero)                       -- expect: inf
print((function() return 1 // zero end)()) -- expect error: :6: attempt to divide by zero
