-- Class-style inheritance with __index and method overriding.
local Animal = {}
Animal.__index = Animal
function Animal.new(name) return setmetatable({name = name}, Animal) end
function Animal:speak() return self.name .. " makes a sound" end
function Animal:describe() return "I am " .. self.name .. "; " .. self:speak() end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name) return setmetatable(Animal.new(name), Dog) end
function Dog:speak() return self.name .. " barks" end
print(Animal.new("cat"):describe()) -- expect: I am cat; cat makes a sound
print(Dog.new("rex"):describe())    -- expect: I am rex; rex barks
