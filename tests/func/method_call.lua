-- obj:m(...) passes obj as self.
local obj = {name = "o", greet = function(self, g) return g .. " " .. self.name end}
print(obj:greet("hi"))      -- expect: hi o
print(obj.greet(obj, "yo")) -- expect: yo o
function obj:rename(n) self.name = n; return self end
print(obj:rename("p"):greet("hey")) -- expect: hey p
