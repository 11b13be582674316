-- function t.a.b:c() defines a method in a nested table.
local t = {a = {b = {v = 5}}}
function t.a.b:c(x) return self.v + x end
function t.a.f(x) return x * 2 end
print(t.a.b:c(1))   -- expect: 6
print(t.a.f(4))     -- expect: 8
