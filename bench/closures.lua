-- closures: creating closures and calling them; upvalue reads and writes (counters, adders, compose).
-- Size: number of rounds.

local M = 1000003

local function make_counter(start)
  local count = start
  return function(step)
    count = count + step
    if count >= M then count = count - M end
    return count
  end
end

local function make_adder(k)
  return function(x) return x + k end
end

local function compose(f, g)
  return function(x) return f(g(x)) end
end

local rounds = tonumber(arg and arg[1]) or 400000
local counters = {}
for i = 1, 64 do counters[i] = make_counter(i) end

local total = 0
for r = 1, rounds do
  local inc = make_adder(r % 17)
  local twice = compose(inc, make_adder(1))
  for i = 1, 64 do
    total = total + counters[i](twice(i))
  end
  total = total % M
end
print(total)
