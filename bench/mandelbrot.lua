-- mandelbrot: escape-time iteration over an n-by-n grid of the complex plane; float arithmetic and branches.
-- Size: n. Twins: py/mandelbrot.py, c/mandelbrot.c.

local n = tonumber(arg and arg[1]) or 1800
local LIMIT = 50
local inside, iters = 0, 0
for y = 0, n - 1 do
  local ci = 2.0 * y / n - 1.0
  for x = 0, n - 1 do
    local cr = 2.0 * x / n - 1.5
    local zr, zi = 0.0, 0.0
    local k = 0
    while k < LIMIT do
      local zr2, zi2 = zr * zr, zi * zi
      if zr2 + zi2 > 4.0 then break end
      zi = 2.0 * zr * zi + ci
      zr = zr2 - zi2 + cr
      k = k + 1
    end
    if k == LIMIT then inside = inside + 1 end
    iters = iters + k
  end
end
print(inside, iters)
