-- An error inside a coroutine is returned by resume.
local co = coroutine.create(function() error("inside") end)
print(coroutine.resume(co))  -- expect: false	tests/stdlib/coroutine_error.lua:2: inside
print(coroutine.status(co))  -- expect: dead
local w = coroutine.wrap(function() error("wrapped", 0) end)
print(pcall(w))              -- expect: false	wrapped
