-- richards: an operating-system scheduler simulation in the style of Richards' benchmark:
-- objects with classes and inheritance through metatables, method calls, linked queues.
-- Size: number of times the idle task runs.

local IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
local KIND_DEVICE, KIND_WORK = 0, 1
local M = 1000003

-- Packet: a message passed between tasks; "link" chains packets into queues.
local Packet = {}
Packet.__index = Packet

function Packet.new(kind, owner)
  return setmetatable({link = nil, kind = kind, owner = owner, a1 = 0, data = {0, 0, 0, 0}}, Packet)
end

-- Appends packet "p" to the queue that starts with "self"; returns the head.
function Packet.append(head, p)
  p.link = nil
  if head == nil then return p end
  local q = head
  while q.link do q = q.link end
  q.link = p
  return head
end

-- Scheduler: owns the task list (highest priority first) and the counters.
local Scheduler = {}
Scheduler.__index = Scheduler

function Scheduler.new()
  return setmetatable({tasks = {}, list = nil, current = nil,
                       queue_count = 0, hold_count = 0, output = 0}, Scheduler)
end

function Scheduler:add(task)
  task.next = self.list
  self.list = task
  self.tasks[task.id] = task
end

function Scheduler:run()
  local t = self.list
  while t do
    if t.held or (t.waiting and t.queue == nil) then
      t = t.next
    else
      self.current = t
      local packet = nil
      if t.waiting then
        packet = t.queue
        t.queue = packet.link
        packet.link = nil
        t.waiting = false
      end
      t = t:step(packet)
    end
  end
end

-- The operations below are called by the running task; each returns the next task to consider.
function Scheduler:wait()
  self.current.waiting = true
  return self.current
end

function Scheduler:hold_self()
  self.hold_count = self.hold_count + 1
  self.current.held = true
  return self.current.next
end

function Scheduler:release(id)
  local t = self.tasks[id]
  t.held = false
  if t.priority > self.current.priority then return t end
  return self.current
end

function Scheduler:send(packet, dest)
  local t = self.tasks[dest]
  self.queue_count = self.queue_count + 1
  packet.owner = self.current.id
  if t.queue == nil then
    packet.link = nil
    t.queue = packet
    if t.waiting and t.priority > self.current.priority then return t end
  else
    t.queue = t.queue:append(packet)
  end
  return self.current
end

-- Task: the base class of the four kinds of task.
local Task = {}
Task.__index = Task

function Task.init(self, sched, id, priority, queue, waiting)
  self.sched, self.id, self.priority = sched, id, priority
  self.queue, self.waiting, self.held = queue, waiting, false
  sched:add(self)
  return self
end

local function subclass(base)
  local class = setmetatable({}, {__index = base})
  class.__index = class
  return class
end

local IdleTask = subclass(Task)

function IdleTask.new(sched, count)
  local t = setmetatable({count = count, seed = 1}, IdleTask)
  return t:init(sched, IDLE, 0, nil, false)
end

function IdleTask:step(packet)
  self.count = self.count - 1
  if self.count == 0 then return self.sched:hold_self() end
  self.seed = (self.seed * 75 + 74) % 65537
  if self.seed % 2 == 0 then return self.sched:release(DEVICE_A) end
  return self.sched:release(DEVICE_B)
end

local WorkerTask = subclass(Task)

function WorkerTask.new(sched, queue)
  local t = setmetatable({dest = HANDLER_A, letter = 0}, WorkerTask)
  return t:init(sched, WORKER, 1000, queue, true)
end

function WorkerTask:step(packet)
  if packet == nil then return self.sched:wait() end
  if self.dest == HANDLER_A then self.dest = HANDLER_B else self.dest = HANDLER_A end
  packet.a1 = 0
  for i = 1, 4 do
    self.letter = self.letter + 1
    if self.letter > 26 then self.letter = 1 end
    packet.data[i] = self.letter
  end
  return self.sched:send(packet, self.dest)
end

local HandlerTask = subclass(Task)

function HandlerTask.new(sched, id, priority, queue, device)
  local t = setmetatable({work = nil, devices = nil, device = device}, HandlerTask)
  return t:init(sched, id, priority, queue, true)
end

function HandlerTask:step(packet)
  if packet then
    if packet.kind == KIND_WORK then
      self.work = Packet.append(self.work, packet)
    else
      self.devices = Packet.append(self.devices, packet)
    end
  end
  local w = self.work
  if w then
    local i = w.a1
    if i >= 4 then
      self.work = w.link
      return self.sched:send(w, WORKER)
    end
    local d = self.devices
    if d then
      self.devices = d.link
      d.a1 = w.data[i + 1]
      w.a1 = i + 1
      return self.sched:send(d, self.device)
    end
  end
  return self.sched:wait()
end

local DeviceTask = subclass(Task)

function DeviceTask.new(sched, id, priority)
  local t = setmetatable({pending = nil}, DeviceTask)
  return t:init(sched, id, priority, nil, true)
end

function DeviceTask:step(packet)
  local sched = self.sched
  if packet == nil then
    local p = self.pending
    if p == nil then return sched:wait() end
    self.pending = nil
    return sched:send(p, p.owner)
  end
  self.pending = packet
  sched.output = (sched.output * 29 + packet.a1 + self.id) % M
  return sched:hold_self()
end

local function simulate(count)
  local sched = Scheduler.new()
  IdleTask.new(sched, count)
  local q = Packet.new(KIND_WORK, WORKER)
  q = q:append(Packet.new(KIND_WORK, WORKER))
  WorkerTask.new(sched, q)
  for _, h in ipairs({{HANDLER_A, 2000, DEVICE_A}, {HANDLER_B, 3000, DEVICE_B}}) do
    local dq = nil
    for _ = 1, 3 do dq = Packet.append(dq, Packet.new(KIND_DEVICE, h[1])) end
    HandlerTask.new(sched, h[1], h[2], dq, h[3])
  end
  DeviceTask.new(sched, DEVICE_A, 4000)
  DeviceTask.new(sched, DEVICE_B, 5000)
  sched:run()
  return sched
end

local count = tonumber(arg and arg[1]) or 1200000
local s = simulate(count)
print(s.queue_count, s.hold_count, s.output)
