-- A closure keeps its upvalue alive after the enclosing function returns.
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
print(c1(), c1(), c1()) -- expect: 1	2	3
print(c2())             -- expect: 1
