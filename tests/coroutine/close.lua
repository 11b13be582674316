-- coroutine.close: true for a suspended (started or not) or dead coroutine, which is dead afterwards; false and
-- the error for one that died in error (once); an error for the running and normal ones.
local co = coroutine.create(function() coroutine.yield(1) print("never") end)
coroutine.resume(co)
print(coroutine.close(co), coroutine.status(co))       -- expect: true	dead
print(coroutine.resume(co))                            -- expect: false	cannot resume dead coroutine
local fresh = coroutine.create(print)
print(coroutine.close(fresh), coroutine.status(fresh)) -- expect: true	dead
print(coroutine.close(fresh))                          -- expect: true
local e = coroutine.create(function() error({code = 7}) end)
local ok, err = coroutine.resume(e)
local cok, cerr = coroutine.close(e)
print(ok, cok, cerr == err, cerr.code)                 -- expect: false	false	true	7
print(coroutine.close(e))                              -- expect: true
print(pcall(coroutine.close, coroutine.running()))     -- expect: false	cannot close a running coroutine
local main = coroutine.running()
coroutine.wrap(function()
  print(pcall(coroutine.close, main))                  -- expect: false	cannot close a normal coroutine
  print(select(2, pcall(function() coroutine.close(coroutine.running()) end)))  -- expect: tests/coroutine/close.lua:19: cannot close a running coroutine
end)()
-- a coroutine suspended inside pcalls closes without running their handlers
local p = coroutine.create(function()
  print(pcall(function() pcall(coroutine.yield) print("not resumed") end))
end)
coroutine.resume(p)
print(coroutine.close(p), coroutine.status(p))         -- expect: true	dead
print(pcall(coroutine.close, 1))                       -- expect: false	bad argument #1 to 'coroutine.close' (thread expected, got number)
