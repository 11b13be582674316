-- shapes.lua: object-oriented Lua with metatables: classes, inheritance, methods, metamethods.
local Shape = {}
Shape.__index = Shape

function Shape.new(name)
  return setmetatable({name = name}, Shape)
end

function Shape:describe()
  return string.format("%s with area %.2f", self.name, self:area())
end

Shape.__tostring = function(s) return "Shape(" .. s.name .. ")" end
Shape.__lt = function(a, b) return a:area() < b:area() end

local Circle = setmetatable({}, {__index = Shape})
Circle.__index = Circle
Circle.__tostring = Shape.__tostring
Circle.__lt = Shape.__lt

function Circle.new(r)
  local c = Shape.new("circle")
  c.r = r
  return setmetatable(c, Circle)
end

function Circle:area() return math.pi * self.r ^ 2 end

local Rect = setmetatable({}, {__index = Shape})
Rect.__index = Rect
Rect.__tostring = Shape.__tostring
Rect.__lt = Shape.__lt

function Rect.new(w, h)
  local r = Shape.new("rectangle")
  r.w, r.h = w, h
  return setmetatable(r, Rect)
end

function Rect:area() return self.w * self.h end

local shapes = {Circle.new(1), Rect.new(2, 3), Circle.new(0.5), Rect.new(1, 1)}
table.sort(shapes, function(a, b) return a < b end)
for _, s in ipairs(shapes) do
  print(tostring(s), s:describe())
end
