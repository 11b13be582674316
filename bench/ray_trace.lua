-- ray_trace: a small ray tracer built on vector objects: every operation allocates a new {x=, y=, z=}
-- through a Vec metatable (methods v:add(w), v:scale(k), v:dot(w), and the __add/__sub/__mul metamethods),
-- shapes as classes with an intersect method, shadows and reflections.
-- Size: image width and height in pixels.

local sqrt, floor = math.sqrt, math.floor

local Vec = {}
Vec.__index = Vec

function Vec.new(x, y, z)
  return setmetatable({x = x, y = y, z = z}, Vec)
end

function Vec:add(w) return Vec.new(self.x + w.x, self.y + w.y, self.z + w.z) end
function Vec:sub(w) return Vec.new(self.x - w.x, self.y - w.y, self.z - w.z) end
function Vec:scale(k) return Vec.new(self.x * k, self.y * k, self.z * k) end
function Vec:mul(w) return Vec.new(self.x * w.x, self.y * w.y, self.z * w.z) end
function Vec:dot(w) return self.x * w.x + self.y * w.y + self.z * w.z end
function Vec:length() return sqrt(self:dot(self)) end

function Vec:cross(w)
  return Vec.new(self.y * w.z - self.z * w.y, self.z * w.x - self.x * w.z, self.x * w.y - self.y * w.x)
end

function Vec:normalize()
  local len = self:length()
  if len == 0 then return self end
  return self:scale(1 / len)
end

Vec.__add = Vec.add
Vec.__sub = Vec.sub
Vec.__unm = function(v) return Vec.new(-v.x, -v.y, -v.z) end
Vec.__mul = function(a, b)
  if type(a) == "number" then return b:scale(a) end
  if type(b) == "number" then return a:scale(b) end
  return a:mul(b)
end

local BLACK = Vec.new(0, 0, 0)
local EPSILON = 1e-6

local Ray = {}
Ray.__index = Ray

function Ray.new(origin, dir)
  return setmetatable({origin = origin, dir = dir}, Ray)
end

function Ray:at(t)
  return self.origin + self.dir * t
end

-- Materials: a colour, how much light is diffuse and how much is reflected, and the highlight.
local Material = {}
Material.__index = Material

function Material.new(color, diffuse, reflect, shine)
  return setmetatable({color = color, diffuse = diffuse, reflect = reflect, shine = shine}, Material)
end

-- A checkerboard: its colour depends on the hit point.
local Checker = setmetatable({}, {__index = Material})
Checker.__index = Checker

function Checker.new(a, b, size, diffuse, reflect)
  local m = Material.new(a, diffuse, reflect, 0)
  m.other, m.size = b, size
  return setmetatable(m, Checker)
end

function Material:color_at(point)
  return self.color
end

function Checker:color_at(point)
  if (floor(point.x / self.size) + floor(point.z / self.size)) % 2 == 0 then return self.color end
  return self.other
end

-- Shapes: intersect returns the distance along the ray to the nearest hit in front of it, or nil.
local Sphere = {}
Sphere.__index = Sphere

function Sphere.new(center, radius, material)
  return setmetatable({center = center, radius = radius, material = material}, Sphere)
end

function Sphere:intersect(ray)
  local oc = ray.origin - self.center
  local b = oc:dot(ray.dir)
  local c = oc:dot(oc) - self.radius * self.radius
  local disc = b * b - c
  if disc < 0 then return nil end
  local root = sqrt(disc)
  local t = -b - root
  if t > EPSILON then return t end
  t = -b + root
  if t > EPSILON then return t end
  return nil
end

function Sphere:normal_at(point)
  return (point - self.center):normalize()
end

local Plane = {}
Plane.__index = Plane

function Plane.new(point, normal, material)
  return setmetatable({point = point, normal = normal:normalize(), material = material}, Plane)
end

function Plane:intersect(ray)
  local denom = self.normal:dot(ray.dir)
  if denom > -EPSILON and denom < EPSILON then return nil end
  local t = (self.point - ray.origin):dot(self.normal) / denom
  if t > EPSILON then return t end
  return nil
end

function Plane:normal_at(point)
  return self.normal
end

local Light = {}
Light.__index = Light

function Light.new(position, color)
  return setmetatable({position = position, color = color}, Light)
end

-- The scene: shapes, lights and the counters the checksum reports.
local Scene = {}
Scene.__index = Scene

function Scene.new()
  return setmetatable({shapes = {}, lights = {}, ambient = Vec.new(0.08, 0.08, 0.1),
                       rays = 0, shadow_rays = 0, hits = 0}, Scene)
end

function Scene:add(shape) self.shapes[#self.shapes + 1] = shape end
function Scene:add_light(light) self.lights[#self.lights + 1] = light end

function Scene:nearest(ray)
  local best_t, best = nil, nil
  for _, shape in ipairs(self.shapes) do
    local t = shape:intersect(ray)
    if t and (best_t == nil or t < best_t) then best_t, best = t, shape end
  end
  return best, best_t
end

function Scene:in_shadow(point, light)
  self.shadow_rays = self.shadow_rays + 1
  local to_light = light.position - point
  local dist = to_light:length()
  local ray = Ray.new(point, to_light:scale(1 / dist))
  for _, shape in ipairs(self.shapes) do
    local t = shape:intersect(ray)
    if t and t < dist then return true end
  end
  return false
end

function Scene:trace(ray, depth)
  self.rays = self.rays + 1
  local shape, t = self:nearest(ray)
  if not shape then
    local k = 0.5 * (ray.dir.y + 1)
    return Vec.new(0.6, 0.7, 0.9) * k + Vec.new(0.1, 0.1, 0.15) * (1 - k)
  end
  self.hits = self.hits + 1
  local point = ray:at(t)
  local normal = shape:normal_at(point)
  if normal:dot(ray.dir) > 0 then normal = -normal end
  local mat = shape.material
  local base = mat:color_at(point)
  local color = base * self.ambient
  for _, light in ipairs(self.lights) do
    if not self:in_shadow(point, light) then
      local l = (light.position - point):normalize()
      local diff = normal:dot(l)
      if diff > 0 then
        color = color + (base * light.color) * (diff * mat.diffuse)
      end
      if mat.shine > 0 then
        local h = (l - ray.dir):normalize()
        local spec = normal:dot(h)
        if spec > 0 then
          local p = 1 -- spec ^ shine by multiplication (pow may round differently between runtimes)
          for _ = 1, mat.shine do p = p * spec end
          color = color + light.color * p
        end
      end
    end
  end
  if mat.reflect > 0 and depth < 4 then
    local d = ray.dir
    local r = d - normal * (2 * d:dot(normal))
    local reflected = self:trace(Ray.new(point, r:normalize()), depth + 1)
    color = color * (1 - mat.reflect) + reflected * mat.reflect
  end
  return color
end

local function build_scene()
  local scene = Scene.new()
  scene:add(Plane.new(Vec.new(0, -1, 0), Vec.new(0, 1, 0),
                      Checker.new(Vec.new(0.9, 0.9, 0.9), Vec.new(0.2, 0.2, 0.25), 1, 0.8, 0.2)))
  scene:add(Sphere.new(Vec.new(0, 0, 5), 1, Material.new(Vec.new(0.9, 0.2, 0.2), 0.7, 0.3, 20)))
  scene:add(Sphere.new(Vec.new(-2.2, -0.3, 6), 0.7, Material.new(Vec.new(0.2, 0.8, 0.3), 0.9, 0.1, 8)))
  scene:add(Sphere.new(Vec.new(2, 0.2, 6.5), 1.2, Material.new(Vec.new(0.8, 0.8, 0.9), 0.3, 0.6, 40)))
  scene:add(Sphere.new(Vec.new(0.8, -0.6, 3.5), 0.4, Material.new(Vec.new(0.9, 0.7, 0.1), 0.8, 0, 0)))
  for i = 0, 5 do
    scene:add(Sphere.new(Vec.new(-2.5 + i, -0.75, 3 + (i % 2) * 0.8), 0.25,
                         Material.new(Vec.new(0.2 + i * 0.1, 0.3, 0.9 - i * 0.1), 0.8, 0.15, 10)))
  end
  scene:add_light(Light.new(Vec.new(-5, 6, -2), Vec.new(0.8, 0.8, 0.75)))
  scene:add_light(Light.new(Vec.new(4, 4, 1), Vec.new(0.35, 0.35, 0.45)))
  return scene
end

-- The camera at the origin looks along +z; each pixel's colour is clamped and quantised to 0..255.
local function render(scene, width, height)
  local eye = Vec.new(0, 0.3, -1)
  local forward = Vec.new(0, -0.05, 1):normalize()
  local right = Vec.new(0, 1, 0):cross(forward):normalize()
  local up = forward:cross(right)
  local aspect = width / height
  local sum, hash = 0, 0
  local histogram = {0, 0, 0, 0}
  for py = 0, height - 1 do
    for px = 0, width - 1 do
      local u = ((px + 0.5) / width * 2 - 1) * aspect
      local v = 1 - (py + 0.5) / height * 2
      local dir = (forward + right * u + up * v):normalize()
      local c = scene:trace(Ray.new(eye, dir), 0)
      local pixel = 0
      for _, k in ipairs({"x", "y", "z"}) do
        local value = c[k]
        if value > 1 then value = 1 elseif value < 0 then value = 0 end
        local q = floor(value * 255 + 0.5)
        sum = sum + q
        pixel = pixel * 256 + q
      end
      hash = (hash * 31 + pixel) % 1000000007
      local level = floor((c:dot(Vec.new(0.299, 0.587, 0.114))) * 4)
      if level > 3 then level = 3 elseif level < 0 then level = 0 end
      histogram[level + 1] = histogram[level + 1] + 1
    end
  end
  return sum, hash, histogram
end

local size = tonumber(arg and arg[1]) or 240
local scene = build_scene()
local sum, hash, histogram = render(scene, size, size)
print(string.format("rays %d shadow rays %d hits %d", scene.rays, scene.shadow_rays, scene.hits))
print(string.format("brightness levels %d %d %d %d", histogram[1], histogram[2], histogram[3], histogram[4]))
print(string.format("colour sum %d", sum))
print(string.format("checksum %d", hash))
