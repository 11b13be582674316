-- event_sim: a discrete-event simulation of a delivery fleet: a three-level class hierarchy through
-- __index chains (Entity -> Vehicle -> Truck/Bus), overridden methods calling the parent's version,
-- events that are objects of their own classes, kept in a binary heap, and fields read and written by name.
-- Size: number of events processed.

local M = 1000003

-- A class is a metatable whose __index is itself; a subclass falls back on its parent's table.
local function class(parent)
  local c = {}
  c.__index = c
  c.super = parent
  if parent then setmetatable(c, {__index = parent}) end
  return c
end

-- A Park-Miller generator (products stay below 2^53, so doubles and integers agree): the only randomness.
local Random = class()

function Random.new(seed)
  return setmetatable({seed = seed}, Random)
end

function Random:next(n)
  self.seed = self.seed * 16807 % 2147483647
  return self.seed % n
end

-- The event queue: a binary min-heap ordered by (time, seq).
local Queue = class()

function Queue.new()
  return setmetatable({items = {}, size = 0}, Queue)
end

local function before(a, b)
  if a.time ~= b.time then return a.time < b.time end
  return a.seq < b.seq
end

function Queue:push(ev)
  local items = self.items
  local i = self.size + 1
  self.size = i
  while i > 1 do
    local parent = math.floor(i / 2)
    local p = items[parent]
    if before(p, ev) then break end
    items[i] = p
    i = parent
  end
  items[i] = ev
end

function Queue:pop()
  local items = self.items
  local n = self.size
  if n == 0 then return nil end
  local top = items[1]
  local last = items[n]
  items[n] = nil
  n = n - 1
  self.size = n
  if n > 0 then
    local i = 1
    while true do
      local child = i * 2
      if child > n then break end
      if child < n and before(items[child + 1], items[child]) then child = child + 1 end
      if before(last, items[child]) then break end
      items[i] = items[child]
      i = child
    end
    items[i] = last
  end
  return top
end

-- Entity: anything with an id and a name that can be summed into the checksum.
local Entity = class()

function Entity:init(sim, kind, id)
  self.sim = sim
  self.kind = kind
  self.id = id
  self.name = kind .. "-" .. id
  self.events = 0
  return self
end

function Entity:touch()
  self.events = self.events + 1
end

function Entity:checksum()
  local h = self.id
  local name = self.name
  for i = 1, #name do h = (h * 31 + string.byte(name, i)) % M end
  return (h * 7 + self.events) % M
end

-- Place: a depot on a grid that stores goods and collects waiting passengers.
local Place = class(Entity)

function Place.new(sim, id, x, y)
  local p = setmetatable({x = x, y = y, goods = 0, waiting = 0, shipped = 0, boarded = 0}, Place)
  return p:init(sim, "place", id)
end

function Place:distance(other)
  return math.abs(self.x - other.x) + math.abs(self.y - other.y)
end

function Place:checksum()
  local h = Entity.checksum(self)
  return (h * 31 + self.goods * 3 + self.waiting * 5 + self.shipped * 7 + self.boarded) % M
end

-- The event classes the vehicles schedule (defined below, after the entities).
local Arrive, Depart, Refuel

-- Vehicle: moves between places, burns fuel and refuels when low.
local Vehicle = class(Entity)

function Vehicle:init(sim, kind, id, home, speed, tank)
  Entity.init(self, sim, kind, id)
  self.place = home
  self.speed = speed
  self.tank = tank
  self.fuel = tank
  self.trips = 0
  self.odometer = 0
  self.refuels = 0
  self.rng = Random.new(id * 7919 + 17)
  return self
end

function Vehicle:choose_destination()
  local places = self.sim.places
  local dest = places[self.rng:next(#places) + 1]
  if dest == self.place then dest = places[(dest.id % #places) + 1] end
  return dest
end

function Vehicle:travel_time(dest)
  return math.floor(self.place:distance(dest) * 10 / self.speed) + 1
end

function Vehicle:dwell_time()
  return 2
end

function Vehicle:depart()
  self:touch()
  local dest = self:choose_destination()
  local d = self.place:distance(dest)
  self.fuel = self.fuel - d
  self.odometer = self.odometer + d
  self.sim:schedule(Arrive.new(self.sim.clock + self:travel_time(dest), self, dest))
  self.place = nil
end

function Vehicle:arrive(place)
  self:touch()
  self.place = place
  self.trips = self.trips + 1
  if self.fuel < self.tank / 4 then
    self.sim:schedule(Refuel.new(self.sim.clock + self:dwell_time() + 5, self))
  else
    self.sim:schedule(Depart.new(self.sim.clock + self:dwell_time(), self))
  end
end

function Vehicle:refuel()
  self:touch()
  self.refuels = self.refuels + 1
  self.fuel = self.tank
  self.sim:schedule(Depart.new(self.sim.clock + 1, self))
end

function Vehicle:checksum()
  local h = Entity.checksum(self)
  return (h * 31 + self.trips * 3 + self.odometer * 5 + self.refuels * 7 + self.fuel) % M
end

-- Truck: carries goods; unloads and loads at every stop.
local Truck = class(Vehicle)

function Truck.new(sim, id, home)
  local t = setmetatable({cargo = 0, capacity = 40 + id % 3 * 20, delivered = 0}, Truck)
  return t:init(sim, "truck", id, home, 3 + id % 4, 300)
end

function Truck:arrive(place)
  if self.cargo > 0 then
    local drop = math.floor(self.cargo / 2) + 1
    if drop > self.cargo then drop = self.cargo end
    self.cargo = self.cargo - drop
    place.goods = place.goods + drop
    self.delivered = self.delivered + drop
  end
  local take = self.capacity - self.cargo
  if take > place.goods then take = place.goods end
  self.cargo = self.cargo + take
  place.goods = place.goods - take
  place.shipped = place.shipped + take
  Vehicle.arrive(self, place)
end

function Truck:dwell_time()
  return Vehicle.dwell_time(self) + math.floor(self.cargo / 10)
end

function Truck:checksum()
  local h = Vehicle.checksum(self)
  return (h * 31 + self.cargo * 3 + self.delivered) % M
end

-- Bus: carries passengers; everyone gets off, then the waiting ones board.
local Bus = class(Vehicle)

function Bus.new(sim, id, home)
  local b = setmetatable({passengers = 0, seats = 30 + id % 5 * 5, carried = 0}, Bus)
  return b:init(sim, "bus", id, home, 5 + id % 3, 200)
end

function Bus:arrive(place)
  self.carried = self.carried + self.passengers
  self.passengers = 0
  local board = place.waiting
  if board > self.seats then board = self.seats end
  self.passengers = board
  place.waiting = place.waiting - board
  place.boarded = place.boarded + board
  Vehicle.arrive(self, place)
end

function Bus:dwell_time()
  return Vehicle.dwell_time(self) + 1 + math.floor(self.passengers / 8)
end

function Bus:checksum()
  local h = Vehicle.checksum(self)
  return (h * 31 + self.passengers * 3 + self.carried) % M
end

-- Events: each class knows what firing means; the simulation only pops and fires.
local Event = class()

function Event:init(time, target)
  self.time = time
  self.target = target
  return self
end

Arrive = class(Event)

function Arrive.new(time, vehicle, place)
  local e = setmetatable({place = place}, Arrive)
  return e:init(time, vehicle)
end

function Arrive:fire()
  self.target:arrive(self.place)
end

Depart = class(Event)

function Depart.new(time, vehicle)
  return setmetatable({}, Depart):init(time, vehicle)
end

function Depart:fire()
  self.target:depart()
end

Refuel = class(Event)

function Refuel.new(time, vehicle)
  return setmetatable({}, Refuel):init(time, vehicle)
end

function Refuel:fire()
  self.target:refuel()
end

-- Produce: a place makes goods and passengers appear, then schedules its next production.
local Produce = class(Event)

function Produce.new(time, place, period)
  local e = setmetatable({period = period}, Produce)
  return e:init(time, place)
end

function Produce:fire()
  local place = self.target
  place:touch()
  place.goods = place.goods + 5 + place.id % 7
  place.waiting = place.waiting + 3 + place.id % 5
  local sim = place.sim
  sim:schedule(Produce.new(sim.clock + self.period, place, self.period))
end

-- The simulation: the clock, the queue, the entities and the count of events of each class.
local Sim = class()

function Sim.new()
  return setmetatable({clock = 0, seq = 0, queue = Queue.new(), places = {}, vehicles = {},
                       fired = {}}, Sim)
end

function Sim:schedule(ev)
  self.seq = self.seq + 1
  ev.seq = self.seq
  self.queue:push(ev)
end

function Sim:run(limit)
  local count = 0
  local names = {[Arrive] = "arrive", [Depart] = "depart", [Refuel] = "refuel", [Produce] = "produce"}
  while count < limit do
    local ev = self.queue:pop()
    if ev == nil then break end
    self.clock = ev.time
    ev:fire()
    local name = names[getmetatable(ev)]
    self.fired[name] = (self.fired[name] or 0) + 1
    count = count + 1
  end
  return count
end

local function build(sim, nplaces, ntrucks, nbuses)
  local rng = Random.new(2024)
  for i = 1, nplaces do
    local p = Place.new(sim, i, rng:next(100), rng:next(100))
    sim.places[i] = p
    sim:schedule(Produce.new(rng:next(10), p, 20 + i % 9))
  end
  for i = 1, ntrucks + nbuses do
    local home = sim.places[(i * 7) % nplaces + 1]
    local v
    if i <= ntrucks then v = Truck.new(sim, i, home) else v = Bus.new(sim, i, home) end
    sim.vehicles[i] = v
    sim:schedule(Depart.new(rng:next(20), v))
  end
end

local limit = tonumber(arg and arg[1]) or 600000
local sim = Sim.new()
build(sim, 60, 120, 80)
local count = sim:run(limit)
print(string.format("events %d clock %d queued %d", count, sim.clock, sim.queue.size))
for _, name in ipairs({"arrive", "depart", "produce", "refuel"}) do
  print(string.format("%-8s %d", name, sim.fired[name] or 0))
end
local sum = 0
local totals = {goods = 0, delivered = 0, carried = 0, odometer = 0}
for _, p in ipairs(sim.places) do
  sum = (sum * 3 + p:checksum()) % M
  totals.goods = totals.goods + p.goods
end
for _, v in ipairs(sim.vehicles) do
  sum = (sum * 3 + v:checksum()) % M
  totals.odometer = totals.odometer + v.odometer
  if v.kind == "truck" then totals.delivered = totals.delivered + v.delivered
  else totals.carried = totals.carried + v.carried end
end
print(string.format("goods %d delivered %d carried %d odometer %d", totals.goods, totals.delivered,
                    totals.carried, totals.odometer))
print(string.format("checksum %d", sum))
