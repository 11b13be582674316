-- A tail call to a table with __call goes through the metamethod, the table first.
local obj = setmetatable({name = "obj"}, {__call = function(self, a, b) return self.name, a + b end})
local function f(x) return obj(x, 10) end
print(f(5))  -- expect: obj	15
-- a __call chain ending in a function that tail calls back
local n = 0
local counter = setmetatable({}, {__call = function(self, k) n = n + 1 if k == 0 then return n end return self(k - 1) end})
local function start(k) return counter(k) end
print(start(100))  -- expect: 101
