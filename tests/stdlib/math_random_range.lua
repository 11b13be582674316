-- math.random results stay in range (values themselves are not printed).
math.randomseed(42)
local ok = true
for i = 1, 1000 do
  local r = math.random(1, 6)
  if r < 1 or r > 6 or math.type(r) ~= "integer" then ok = false end
  local f = math.random()
  if f < 0 or f >= 1 then ok = false end
end
print(ok) -- expect: true
print(pcall(function() return math.random(2, 1) end)) -- expect: false	tests/stdlib/math_random_range.lua:11: bad argument #1 to 'random' (interval is empty)
