-- An error in a coroutine ends it: resume returns false and the error, with lua5.4's positions (error levels
-- count within the coroutine), any value as error object.
local function lvl() error("in lvl", 2) end
print(coroutine.resume(coroutine.create(function() lvl() end)))
-- expect: false	tests/coroutine/error_in_coroutine.lua:4: in lvl
print(coroutine.resume(coroutine.create(function() error("top", 2) end)))   -- expect: false	top
print(coroutine.resume(coroutine.create(function() error() end)))           -- expect: false	nil
print(coroutine.resume(coroutine.create(function() local x = nil; return x.y end)))
-- expect: false	tests/coroutine/error_in_coroutine.lua:8: attempt to index a nil value (local 'x')
print(coroutine.resume(coroutine.create(function() return 1 + {} end)))
-- expect: false	tests/coroutine/error_in_coroutine.lua:10: attempt to perform arithmetic on a table value
local t = setmetatable({}, {__tostring = function() return "custom" end})
local ok, e = coroutine.resume(coroutine.create(function() error(t) end))
print(ok, e == t, tostring(e))                  -- expect: false	true	custom
-- an error after a yield, and errors of nested coroutines
local co = coroutine.create(function()
  coroutine.yield(1)
  local inner = coroutine.create(function() error("inner", 0) end)
  local iok, ierr = coroutine.resume(inner)
  error("outer saw " .. tostring(iok) .. " " .. ierr, 0)
end)
print(coroutine.resume(co))                     -- expect: true	1
print(coroutine.resume(co))                     -- expect: false	outer saw false inner
print(coroutine.status(co))                     -- expect: dead
-- locals of a coroutine that died stay usable through closures
local get
local x = coroutine.create(function() local a = 10; get = function() a = a + 1; return a end; error("x") end)
coroutine.resume(x)
print(get(), get())                             -- expect: 11	12
