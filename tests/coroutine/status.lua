-- coroutine.status: suspended before the start and after a yield, running inside, normal while it resumes
-- another, dead after its end.
local outer
local inner = coroutine.create(function()
  print("inner sees outer", coroutine.status(outer))
  coroutine.yield()
end)
outer = coroutine.create(function()
  print("outer inside", coroutine.status(outer))
  coroutine.resume(inner)
  print("inner after yield", coroutine.status(inner))
end)
print(coroutine.status(outer))   -- expect: suspended
coroutine.resume(outer)
-- expect: outer inside	running
-- expect: inner sees outer	normal
-- expect: inner after yield	suspended
print(coroutine.status(outer))   -- expect: dead
print(coroutine.status(inner))   -- expect: suspended
local main = coroutine.running()
print(coroutine.wrap(function() return coroutine.status(main) end)())  -- expect: normal
print(coroutine.status(main))    -- expect: running
