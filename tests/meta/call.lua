-- __call makes a table callable; the table comes first, then the arguments.
local obj = setmetatable({name = "obj"}, {__call = function(self, a, b) return self.name, a, b end})
print(obj(1, 2))          -- expect: obj	1	2
print(obj())              -- expect: obj	nil	nil
print(pcall(obj, "p"))    -- expect: true	obj	p	nil
local adder = setmetatable({}, {__call = function(_, ...) return select("#", ...) end})
print(adder(1, nil, 3))   -- expect: 3
