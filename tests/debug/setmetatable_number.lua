-- debug.setmetatable gives all numbers one metatable: indexing, length, calls, tostring go through it
local mt = {__index = function(a, b) return a + b end, __len = function(x) return math.floor(x) end}
print(debug.setmetatable(10, mt))                           -- expect: 10
print(getmetatable(-2) == mt, getmetatable(2^60) == mt, getmetatable(1.5) == mt) -- expect: true	true	true
print((10)[3], (10)["3"], #3.45)                            -- expect: 13	13	3
mt.__call = function(self, x) return self * x end
print((6)(7))                                               -- expect: 42
mt.__tostring = function(x) return "<" .. math.type(x) .. ">" end
print(1, 2.5, tostring(3))                                  -- expect: <integer>	<float>	<integer>
mt.__concat = function(a, b) return "cat" end
print(1 .. {})                                              -- expect: cat
debug.setmetatable(23, nil)
print(getmetatable(-2), 1, pcall(function() return (1)(2) end)) -- expect: nil	1	false	tests/debug/setmetatable_number.lua:13: attempt to call a number value
