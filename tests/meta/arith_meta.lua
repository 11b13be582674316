-- Arithmetic metamethods, with the object as either operand.
local mt = {}
local function N(v) return setmetatable({v = v}, mt) end
local function val(x) return type(x) == "table" and x.v or x end
mt.__add = function(a, b) return N(val(a) + val(b)) end
mt.__sub = function(a, b) return N(val(a) - val(b)) end
mt.__mul = function(a, b) return N(val(a) * val(b)) end
mt.__div = function(a, b) return N(val(a) / val(b)) end
mt.__mod = function(a, b) return N(val(a) % val(b)) end
mt.__pow = function(a, b) return N(val(a) ^ val(b)) end
mt.__idiv = function(a, b) return N(val(a) // val(b)) end
print((N(5) + 2).v, (2 + N(5)).v, (N(1) + N(2)).v)  -- expect: 7	7	3
print((N(5) - 2).v, (2 - N(5)).v)   -- expect: 3	-3
print((N(5) * 2).v, (N(5) / 2).v)   -- expect: 10	2.5
print((N(7) % 3).v, (7 % N(3)).v)   -- expect: 1	1
print((N(2) ^ 3).v, (2 ^ N(3)).v)   -- expect: 8.0	8.0
print((N(7) // 2).v, (7 // N(2)).v) -- expect: 3	3
print(("10" + N(1)).v)              -- expect: 11
