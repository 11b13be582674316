-- Recursive functions.
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10))   -- expect: 3628800
print(fact(20))   -- expect: 2432902008176640000
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))    -- expect: 6765
