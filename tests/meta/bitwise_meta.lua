-- Bitwise metamethods.
local mt = {}
local function B(v) return setmetatable({v = v}, mt) end
local function val(x) return type(x) == "table" and x.v or x end
mt.__band = function(a, b) return val(a) & val(b) end
mt.__bor = function(a, b) return val(a) | val(b) end
mt.__bxor = function(a, b) return val(a) ~ val(b) end
mt.__shl = function(a, b) return val(a) << val(b) end
mt.__shr = function(a, b) return val(a) >> val(b) end
mt.__bnot = function(a) return ~val(a) end
print(B(6) & 3, 6 | B(1), B(5) ~ 1) -- expect: 2	7	4
print(B(1) << 4, 256 >> B(4), ~B(0)) -- expect: 16	16	-1
