-- coroutine.wrap makes a generator function.
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end return "end" end)
print(gen(), gen(), gen(), gen()) -- expect: 1	2	3	end
local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local s = 0
for i in range(10) do s = s + i end
print(s) -- expect: 55
print(coroutine.isyieldable(), coroutine.running() ~= nil) -- expect: false	true
