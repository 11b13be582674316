-- spectral_norm: the spectral norm of an infinite matrix by the power method; nested float loops.
-- Size: n, the matrix order. Twins: py/spectral_norm.py, c/spectral_norm.c.

local function A(i, j)
  local ij = i + j
  return 1.0 / (ij * (ij + 1) / 2 + i + 1)
end

local function mul_Av(n, v, out)
  for i = 0, n - 1 do
    local s = 0.0
    for j = 0, n - 1 do s = s + A(i, j) * v[j + 1] end
    out[i + 1] = s
  end
end

local function mul_Atv(n, v, out)
  for i = 0, n - 1 do
    local s = 0.0
    for j = 0, n - 1 do s = s + A(j, i) * v[j + 1] end
    out[i + 1] = s
  end
end

local function mul_AtAv(n, v, out, tmp)
  mul_Av(n, v, tmp)
  mul_Atv(n, tmp, out)
end

local n = tonumber(arg and arg[1]) or 1100
local u, v, tmp = {}, {}, {}
for i = 1, n do u[i] = 1.0; v[i] = 0.0; tmp[i] = 0.0 end
for _ = 1, 10 do
  mul_AtAv(n, u, v, tmp)
  mul_AtAv(n, v, u, tmp)
end
local vBv, vv = 0.0, 0.0
for i = 1, n do
  vBv = vBv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
print(string.format("%.9f", math.sqrt(vBv / vv)))
