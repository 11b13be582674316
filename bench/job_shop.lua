-- job_shop: a job-shop scheduler over many small objects linked by fields: tasks with predecessor and
-- successor links, the machines they run on, jobs that own them. A list scheduler dispatches ready tasks by
-- priority; a local search perturbs the priorities and keeps the changes that do not lengthen the schedule.
-- Size: local-search steps per instance (three instances).

-- Park-Miller: the products stay below 2^53, so integers and doubles agree.
local seed = 4242
local function random(n)
  seed = seed * 16807 % 2147483647
  return seed % n
end

local Machine = {}
Machine.__index = Machine

function Machine.new(id)
  return setmetatable({id = id, free_at = 0, busy = 0, count = 0}, Machine)
end

function Machine:reset()
  self.free_at, self.busy, self.count = 0, 0, 0
end

function Machine:assign(task, start)
  task.start = start
  task.finish = start + task.duration
  self.free_at = task.finish
  self.busy = self.busy + task.duration
  self.count = self.count + 1
end

local Task = {}
Task.__index = Task

function Task.new(id, job, index, machine, duration)
  return setmetatable({id = id, job = job, index = index, machine = machine, duration = duration,
                       preds = {}, succs = {}, tail = 0, priority = 0,
                       waiting = 0, ready_at = 0, start = 0, finish = 0}, Task)
end

function Task:precedes(other)
  self.succs[#self.succs + 1] = other
  other.preds[#other.preds + 1] = self
end

-- The time at which the task could start now: after its predecessors and once its machine is free.
function Task:earliest()
  local m = self.machine.free_at
  if m > self.ready_at then return m end
  return self.ready_at
end

-- Dispatch order: earliest start first, then the higher priority, then the lower id.
function Task:before(other, mine, theirs)
  if mine ~= theirs then return mine < theirs end
  if self.priority ~= other.priority then return self.priority > other.priority end
  return self.id < other.id
end

local Job = {}
Job.__index = Job

function Job.new(id)
  return setmetatable({id = id, tasks = {}}, Job)
end

function Job:add(task)
  local last = self.tasks[#self.tasks]
  self.tasks[#self.tasks + 1] = task
  if last then last:precedes(task) end
end

function Job:finish()
  return self.tasks[#self.tasks].finish
end

local Shop = {}
Shop.__index = Shop

-- Each job visits every machine once in its own order; some tasks also wait for a task of an earlier job.
function Shop.generate(njobs, nmachines)
  local shop = setmetatable({jobs = {}, machines = {}, tasks = {}}, Shop)
  for m = 1, nmachines do shop.machines[m] = Machine.new(m) end
  for j = 1, njobs do
    local job = Job.new(j)
    local order = {}
    for m = 1, nmachines do order[m] = m end
    for m = nmachines, 2, -1 do
      local k = random(m) + 1
      order[m], order[k] = order[k], order[m]
    end
    for i = 1, nmachines do
      local task = Task.new(#shop.tasks + 1, job, i, shop.machines[order[i]], 1 + random(20))
      shop.tasks[#shop.tasks + 1] = task
      job:add(task)
      if j > 1 and random(6) == 0 then
        local other = shop.jobs[1 + random(j - 1)]
        other.tasks[1 + random(#other.tasks)]:precedes(task)
      end
    end
    shop.jobs[j] = job
  end
  shop:compute_tails()
  return shop
end

-- tail = the longest chain of durations from the task to the end; tasks are in topological order.
function Shop:compute_tails()
  local tasks = self.tasks
  for i = #tasks, 1, -1 do
    local t = tasks[i]
    local longest = 0
    for _, s in ipairs(t.succs) do
      if s.tail > longest then longest = s.tail end
    end
    t.tail = longest + t.duration
    t.priority = t.tail
  end
end

-- List scheduling: repeatedly dispatch the best ready task; returns the makespan.
function Shop:schedule()
  for _, m in ipairs(self.machines) do m:reset() end
  local ready = {}
  for _, t in ipairs(self.tasks) do
    t.waiting = #t.preds
    t.ready_at = 0
    if t.waiting == 0 then ready[#ready + 1] = t end
  end
  local makespan = 0
  while #ready > 0 do
    local best, best_i, best_start = ready[1], 1, ready[1]:earliest()
    for i = 2, #ready do
      local t = ready[i]
      local start = t:earliest()
      if t:before(best, start, best_start) then best, best_i, best_start = t, i, start end
    end
    ready[best_i] = ready[#ready]
    ready[#ready] = nil
    best.machine:assign(best, best_start)
    if best.finish > makespan then makespan = best.finish end
    for _, s in ipairs(best.succs) do
      if best.finish > s.ready_at then s.ready_at = best.finish end
      s.waiting = s.waiting - 1
      if s.waiting == 0 then ready[#ready + 1] = s end
    end
  end
  return makespan
end

-- Local search: nudge one task's priority or swap two; keep the change unless the makespan grows.
function Shop:improve(steps)
  local tasks = self.tasks
  local best = self:schedule()
  local first = best
  local accepted = 0
  for _ = 1, steps do
    local a = tasks[1 + random(#tasks)]
    local b = tasks[1 + random(#tasks)]
    local pa, pb = a.priority, b.priority
    if random(2) == 0 then
      a.priority, b.priority = pb, pa
    else
      a.priority = pa + random(41) - 20
    end
    local span = self:schedule()
    if span <= best then
      best = span
      accepted = accepted + 1
    else
      a.priority, b.priority = pa, pb
    end
  end
  return first, self:schedule(), accepted
end

function Shop:checksum()
  local h = 0
  for _, t in ipairs(self.tasks) do
    h = (h * 31 + t.start * 7 + t.machine.id) % 1000000007
  end
  for _, m in ipairs(self.machines) do
    h = (h * 31 + m.busy + m.count) % 1000000007
  end
  return h
end

local steps = tonumber(arg and arg[1]) or 1200
local total = 0
for _, shape in ipairs({{20, 8}, {30, 10}, {15, 15}}) do
  local shop = Shop.generate(shape[1], shape[2])
  local first, final, accepted = shop:improve(steps)
  local last_job = 0
  for _, job in ipairs(shop.jobs) do
    if job:finish() > last_job then last_job = job:finish() end
  end
  local sum = shop:checksum()
  total = (total * 7 + sum) % 1000000007
  print(string.format("%dx%d: makespan %d -> %d (%d accepted, last job ends %d) checksum %d",
                      shape[1], shape[2], first, final, accepted, last_job, sum))
end
print(string.format("checksum %d", total))
