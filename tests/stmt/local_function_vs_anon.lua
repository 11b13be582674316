-- 'local function f' is visible in its own body; 'local f = function' refers to an outer f.
local function f() return "outer" end
do
  local f = function() return "inner sees " .. f() end
  print(f())   -- expect: inner sees outer
end
local function g(n) if n == 0 then return "g done" end return g(n - 1) end
print(g(3))    -- expect: g done
