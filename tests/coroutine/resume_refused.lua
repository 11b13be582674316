-- Resuming a dead, running or normal coroutine fails with lua5.4's messages; the coroutine is not disturbed.
local co
co = coroutine.create(function()
  print(coroutine.resume(co))                     -- expect: false	cannot resume non-suspended coroutine
  coroutine.yield(1)
  return 2
end)
print(coroutine.resume(co))                       -- expect: true	1
print(coroutine.resume(co))                       -- expect: true	2
print(coroutine.resume(co))                       -- expect: false	cannot resume dead coroutine
local main = coroutine.running()
print(coroutine.resume(main))                     -- expect: false	cannot resume non-suspended coroutine
local a, b
a = coroutine.create(function() return b() end)
b = coroutine.wrap(function()
  print(coroutine.resume(a))                      -- expect: false	cannot resume non-suspended coroutine
  print(coroutine.resume(main))                   -- expect: false	cannot resume non-suspended coroutine
  coroutine.yield(3)
end)
print(coroutine.resume(a))                        -- expect: true	3
print(coroutine.status(a))                        -- expect: dead
local e = coroutine.create(function() error("once") end)
print(coroutine.resume(e))                        -- expect: false	tests/coroutine/resume_refused.lua:22: once
print(coroutine.resume(e))                        -- expect: false	cannot resume dead coroutine
print(pcall(coroutine.resume, 0))                 -- expect: false	bad argument #1 to 'coroutine.resume' (thread expected, got number)
print(pcall(coroutine.create, {}))                -- expect: false	bad argument #1 to 'coroutine.create' (function expected, got table)
