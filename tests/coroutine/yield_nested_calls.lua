-- A yield from deep in nested Lua calls (including tail calls and recursion) suspends the whole coroutine.
local function leaf(x) return coroutine.yield(x) end
local function mid(x) local r = leaf(x * 10) return r + 1 end
local function tail(x) return mid(x) end
local function rec(n) if n == 0 then return tail(1) end return rec(n - 1) + 1 end
local co = coroutine.wrap(function() return rec(100) end)
print(co())        -- expect: 10
print(co(5))       -- expect: 106
local f = coroutine.wrap(function()
  for i = 1, 3 do
    local s = 0
    for j = 1, i do s = s + (function(v) return coroutine.yield(v) end)(j) end
    coroutine.yield("sum", s)
  end
end)
local out = {}
local v, w = f()
while v ~= nil do
  if v == "sum" then out[#out + 1] = w; v, w = f() else v, w = f(v * 2) end
end
print(table.concat(out, " "))  -- expect: 2 6 12
