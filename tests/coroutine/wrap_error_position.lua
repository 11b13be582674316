-- Errors through a wrap function are raised again in the caller; a string error gets the position of the
-- call added (none when called from C, as pcall does), other values pass unchanged.
local f = coroutine.wrap(function() error("x") end)
print(pcall(f))                                        -- expect: false	tests/coroutine/wrap_error_position.lua:3: x
local g = coroutine.wrap(function() error("x") end)
print(pcall(function() g() end))                       -- expect: false	tests/coroutine/wrap_error_position.lua:6: tests/coroutine/wrap_error_position.lua:5: x
local h = coroutine.wrap(function() error("plain", 0) end)
print(pcall(function() h() end))                       -- expect: false	tests/coroutine/wrap_error_position.lua:8: plain
local t = {}
local k = coroutine.wrap(function() error(t) end)
print(select(2, pcall(function() k() end)) == t)       -- expect: true
local d = coroutine.wrap(function() end)
d()
print(pcall(function() d() end))                       -- expect: false	tests/coroutine/wrap_error_position.lua:14: cannot resume dead coroutine
print(pcall(d))                                        -- expect: false	cannot resume dead coroutine
local n = coroutine.wrap(function() error(42) end)
print(pcall(function() n() end))                       -- expect: false	42
