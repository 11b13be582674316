-- Functions are values: stored, passed and returned.
local function compose(f, g) return function(...) return f(g(...)) end end
local inc = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
print(compose(inc, dbl)(5))   -- expect: 11
local ops = {add = function(a, b) return a + b end}
print(ops.add(2, 3))          -- expect: 5
print(type(print), type(inc)) -- expect: function	function
print(inc == inc, inc == dbl) -- expect: true	false
