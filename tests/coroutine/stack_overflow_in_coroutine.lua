-- Unbounded recursion inside a coroutine ends in the Lua error "stack overflow": caught by pcall inside the
-- coroutine, or returned by resume; never a crash. The coroutine can go on after a caught overflow.
local function f(n) return 1 + f(n + 1) end
local co = coroutine.create(function()
  local ok, err = pcall(f, 1)
  coroutine.yield(ok, err)
  local depth = 0
  local function g() depth = depth + 1; g() end
  print(pcall(g))
  print(depth > 1000)
  return f(1)
end)
print(coroutine.resume(co))   -- expect: true	false	tests/coroutine/stack_overflow_in_coroutine.lua:3: stack overflow
print(coroutine.resume(co))
-- expect: false	tests/coroutine/stack_overflow_in_coroutine.lua:8: stack overflow
-- expect: true
-- expect: false	tests/coroutine/stack_overflow_in_coroutine.lua:3: stack overflow
print(coroutine.status(co))   -- expect: dead
-- overflow through metamethods and method calls in a coroutine
local obj = setmetatable({}, {__index = function(t, k) return t[k .. "x"] end})
print(coroutine.resume(coroutine.create(function() return obj.a end)))
-- expect: false	tests/coroutine/stack_overflow_in_coroutine.lua:20: C stack overflow
