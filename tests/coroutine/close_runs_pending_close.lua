-- coroutine.close and the error of a coroutine run its pending <close> variables, newest first, with the error
-- object (nil for a suspended coroutine); an error in __close is what close returns.
local log = {}
local function closer(name) return setmetatable({}, {__close = function(_, e) log[#log+1] = name .. ":" .. tostring(e) end}) end
local co = coroutine.create(function()
  local a <close> = closer("a")
  local b <close> = closer("b")
  coroutine.yield(1)
end)
print(coroutine.resume(co))                   -- expect: true	1
print(coroutine.close(co), coroutine.status(co))   -- expect: true	dead
print(table.concat(log, " "))                 -- expect: b:nil a:nil
local co2 = coroutine.create(function()
  local a <close> = closer("x")
  error("boom")
end)
print(coroutine.resume(co2))   -- expect: false	tests/coroutine/close_runs_pending_close.lua:15: boom
print(coroutine.close(co2))    -- expect: false	tests/coroutine/close_runs_pending_close.lua:15: boom
print(table.concat(log, " "))  -- expect: b:nil a:nil x:tests/coroutine/close_runs_pending_close.lua:15: boom
local co3 = coroutine.wrap(function()
  local a <close> = setmetatable({}, {__close = function() error("in close") end})
  coroutine.yield(1)
end)
co3()
local co4 = coroutine.create(function()
  local a <close> = setmetatable({}, {__close = function() error("in close", 0) end})
  coroutine.yield(1)
end)
coroutine.resume(co4)
print(coroutine.close(co4))    -- expect: false	in close
