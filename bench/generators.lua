-- generators: coroutines as generators and a resume/yield ping-pong between a producer and consumers.
-- Size: number of values pushed through the pipelines.

local M = 1000003
local create, resume, yield, wrap = coroutine.create, coroutine.resume, coroutine.yield, coroutine.wrap

local function range(n)
  return wrap(function()
    for i = 1, n do yield(i) end
  end)
end

local function filter(pred, gen)
  return wrap(function()
    for v in gen do
      if pred(v) then yield(v) end
    end
  end)
end

local function map(f, gen)
  return wrap(function()
    for v in gen do yield(f(v)) end
  end)
end

local n = tonumber(arg and arg[1]) or 5000000

-- A three-stage pipeline of generators.
local pipeline_sum = 0
for v in map(function(x) return x * x % M end, filter(function(x) return x % 3 ~= 0 end, range(n))) do
  pipeline_sum = (pipeline_sum + v) % M
end

-- Ping-pong: an echo coroutine transforms every value it is resumed with.
local echo = create(function(x)
  while true do x = yield((x * 7 + 1) % M) end
end)
local v = 1
for _ = 1, n do
  local ok
  ok, v = resume(echo, v)
  assert(ok)
end

-- Many short-lived coroutines.
local short = 0
for i = 1, math.floor(n / 10) do
  local co = create(function(a, b)
    local c = yield(a + b)
    return a * c + b
  end)
  local _, x = resume(co, i, 3)
  local _, y = resume(co, x)
  short = (short + y) % M
end
print(pipeline_sum, v, short, coroutine.status(echo))
