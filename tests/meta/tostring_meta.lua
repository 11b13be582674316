-- __tostring is used by tostring and print.
local p = setmetatable({x = 1, y = 2}, {__tostring = function(s) return "(" .. s.x .. "," .. s.y .. ")" end})
print(p)                 -- expect: (1,2)
print(tostring(p))       -- expect: (1,2)
print("p=" .. tostring(p)) -- expect: p=(1,2)
