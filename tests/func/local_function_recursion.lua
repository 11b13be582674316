-- 'local function f' sees itself; 'local f = function' does not.
local function fact(n) if n == 0 then return 1 end return n * fact(n - 1) end
print(fact(5))   -- expect: 120
local g = function() return g end
print(g())       -- expect: nil
