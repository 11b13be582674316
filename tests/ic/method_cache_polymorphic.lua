-- The method cache: one call site over objects of four classes sharing a base class, with methods on the classes
-- and on the base; each object must get its own class's method, in any order, many times.
local Task = {} Task.__index = Task
function Task:kind() return "task" end
function Task:run() return self:kind() .. ":" .. self.n end
local classes = {}
for i, name in ipairs({"idle", "work", "handler", "device"}) do
  local C = setmetatable({}, Task)
  C.__index = C
  if i % 2 == 0 then C.kind = function() return name end end
  classes[i] = C
end
local objs = {}
for i = 1, 40 do objs[i] = setmetatable({n = i}, classes[(i * 7) % 4 + 1]) end
local counts = {}
for round = 1, 50 do
  for _, o in ipairs(objs) do
    local s = o:run()
    local k = s:match("^(%a+)")
    counts[k] = (counts[k] or 0) + 1
  end
end
print(counts.task, counts.work, counts.device, counts.idle)   -- expect: 1000	500	500	nil
