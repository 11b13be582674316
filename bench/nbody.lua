-- nbody: a gravitational n-body simulation of five bodies; floating-point arithmetic on table fields.
-- Size: number of time steps. Twins: py/nbody.py, c/nbody.c.

local sqrt = math.sqrt

local function body(x, y, z, vx, vy, vz, m)
  return {x = x, y = y, z = z, vx = vx, vy = vy, vz = vz, m = m}
end

local bodies = {
  body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 30.0),
  body(5.0, 0.5, -0.1, -0.2, 2.4, 0.05, 0.03),
  body(-9.0, 1.5, 0.3, -0.35, -1.8, 0.02, 0.009),
  body(0.8, 19.0, -0.4, -1.25, 0.05, 0.01, 0.0013),
  body(-3.5, -29.0, 0.6, 1.0, -0.12, -0.02, 0.0015),
}

local function offset_momentum(bs)
  local px, py, pz = 0.0, 0.0, 0.0
  for i = 1, #bs do
    local b = bs[i]
    px = px + b.vx * b.m
    py = py + b.vy * b.m
    pz = pz + b.vz * b.m
  end
  local sun = bs[1]
  sun.vx = -px / sun.m
  sun.vy = -py / sun.m
  sun.vz = -pz / sun.m
end

local function energy(bs)
  local e = 0.0
  local n = #bs
  for i = 1, n do
    local bi = bs[i]
    e = e + 0.5 * bi.m * (bi.vx * bi.vx + bi.vy * bi.vy + bi.vz * bi.vz)
    for j = i + 1, n do
      local bj = bs[j]
      local dx, dy, dz = bi.x - bj.x, bi.y - bj.y, bi.z - bj.z
      e = e - bi.m * bj.m / sqrt(dx * dx + dy * dy + dz * dz)
    end
  end
  return e
end

local function advance(bs, dt)
  local n = #bs
  for i = 1, n do
    local bi = bs[i]
    for j = i + 1, n do
      local bj = bs[j]
      local dx, dy, dz = bi.x - bj.x, bi.y - bj.y, bi.z - bj.z
      local d2 = dx * dx + dy * dy + dz * dz
      local mag = dt / (d2 * sqrt(d2))
      local mi, mj = bi.m * mag, bj.m * mag
      bi.vx = bi.vx - dx * mj
      bi.vy = bi.vy - dy * mj
      bi.vz = bi.vz - dz * mj
      bj.vx = bj.vx + dx * mi
      bj.vy = bj.vy + dy * mi
      bj.vz = bj.vz + dz * mi
    end
  end
  for i = 1, n do
    local b = bs[i]
    b.x = b.x + dt * b.vx
    b.y = b.y + dt * b.vy
    b.z = b.z + dt * b.vz
  end
end

local steps = tonumber(arg and arg[1]) or 1000000
offset_momentum(bodies)
print(string.format("%.9f", energy(bodies)))
for _ = 1, steps do advance(bodies, 0.001) end
print(string.format("%.9f", energy(bodies)))
