-- Tail calls through methods and to varargs functions also run in constant stack.
local obj = {}
function obj:count(n) if n == 0 then return "done" end return self:count(n - 1) end
print(obj:count(500000)) -- expect: done
local function va(n, ...) if n == 0 then return select("#", ...) end return va(n - 1, ...) end
print(va(300000, 1, 2, 3)) -- expect: 3
