-- An error raised in a wrapped coroutine and caught nowhere ends the program with lua5.4's message: the
-- positions of the call and of the error.
local gen = coroutine.wrap(function()
  coroutine.yield(1)
  error("generator failed")
end)
print(gen())  -- expect: 1
gen()         -- expect error: tests/coroutine/error_through_wrap_uncaught.lua:8: tests/coroutine/error_through_wrap_uncaught.lua:5: generator failed
