-- Integer modulo by zero is an error. (lua5.4.4 reports the line of the last call made in the
-- function, so the modulo sits in a function of its own on the line it is called from.)
local zero = 0
print(select(2, pcall(function() return 1 % zero end))) -- expect: tests/number/int_mod_by_zero.lua:4: attempt to perform 'n%0'
print((function() return 5 % zero end)()) -- expect error: :5: attempt to perform 'n%0'
