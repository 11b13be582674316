-- A coroutine that died in error keeps its frames, as in lua5.4: debug.traceback(co) shows where it failed,
-- until coroutine.close unwinds it. A suspended coroutine's traceback starts in coroutine.yield.
local co = coroutine.create(function()
  local t = nil
  local v = (function() return t.x end)()
  return v
end)
local ok, err = coroutine.resume(co)
print(debug.traceback(co, err))
-- expect: tests/coroutine/traceback_dead.lua:5: attempt to index a nil value (upvalue 't')
-- expect: stack traceback:
-- expect: 	tests/coroutine/traceback_dead.lua:5: in function <tests/coroutine/traceback_dead.lua:5>
-- expect: 	tests/coroutine/traceback_dead.lua:5: in function <tests/coroutine/traceback_dead.lua:3>
print(coroutine.close(co))
-- expect: false	tests/coroutine/traceback_dead.lua:5: attempt to index a nil value (upvalue 't')
print(debug.traceback(co))   -- expect: stack traceback:
local s = coroutine.create(function() coroutine.yield() end)
coroutine.resume(s)
print(debug.traceback(s, "suspended"))
-- expect: suspended
-- expect: stack traceback:
-- expect: 	[C]: in function 'coroutine.yield'
-- expect: 	tests/coroutine/traceback_dead.lua:17: in function <tests/coroutine/traceback_dead.lua:17>
