-- __concat is tried when an operand is not a string or number, with either operand order.
local mt = {__concat = function(a, b)
  local x = type(a) == "table" and a.s or a
  local y = type(b) == "table" and b.s or b
  return x .. y
end}
local o = setmetatable({s = "O"}, mt)
print(o .. "x")       -- expect: Ox
print("x" .. o)       -- expect: xO
print(1 .. o)         -- expect: 1O
print("a" .. "b" .. o) -- expect: abO
print(o .. o)         -- expect: OO
