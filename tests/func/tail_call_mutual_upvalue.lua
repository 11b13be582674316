-- Proper tail calls: mutual recursion 1,000,000 deep through upvalues (locals captured by each other).
local is_even, is_odd
function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
print(is_even(1000000), is_odd(1000000))  -- expect: true	false
-- three functions in a ring, with a changing number of arguments
local a, b, c
a = function(n, x) if n == 0 then return x end return b(n - 1, x, 1) end
b = function(n, x, y) if n == 0 then return x + y end return c(n - 1, x + y) end
c = function(n, x) if n == 0 then return x * 2 end return a(n - 1, x) end
print(a(1000000, 0))  -- expect: 333334
