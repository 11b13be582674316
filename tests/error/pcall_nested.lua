-- Nested pcalls catch errors at the right level.
local ok, a, b = pcall(function()
  local ok2, err = pcall(error, "inner", 0)
  return ok2, err
end)
print(ok, a, b)  -- expect: true	false	inner
print(pcall(pcall, error, "x", 0)) -- expect: true	false	x
local depth = 0
local function nest(n)
  if n == 0 then error("bottom", 0) end
  local ok3, e = pcall(nest, n - 1)
  depth = depth + 1
  error(e .. "<" .. n, 0)
end
local okn, en = pcall(nest, 3)
print(okn, en, depth) -- expect: false	bottom<1<2<3	3
