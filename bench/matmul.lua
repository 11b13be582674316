-- matmul: dense n-by-n floating-point matrix multiplication over nested tables.
-- Size: n. Twin: c/matmul.c.

local function matrix(n, f)
  local m = {}
  for i = 1, n do
    local row = {}
    for j = 1, n do row[j] = f(i, j) end
    m[i] = row
  end
  return m
end

local function transpose(n, a)
  return matrix(n, function(i, j) return a[j][i] end)
end

local function multiply(n, a, b)
  local bt = transpose(n, b)
  local c = {}
  for i = 1, n do
    local ai, ci = a[i], {}
    for j = 1, n do
      local bj = bt[j]
      local s = 0.0
      for k = 1, n do s = s + ai[k] * bj[k] end
      ci[j] = s
    end
    c[i] = ci
  end
  return c
end

local n = tonumber(arg and arg[1]) or 560
local a = matrix(n, function(i, j) return (i - j) * (i + j) / n / n end)
local b = matrix(n, function(i, j) return ((i * 3 + j) % 7) / 7.0 end)
local c = multiply(n, a, b)
local trace, total = 0.0, 0.0
for i = 1, n do
  trace = trace + c[i][i]
  for j = 1, n do total = total + c[i][j] end
end
print(string.format("%.9f %.9f", trace, total))
