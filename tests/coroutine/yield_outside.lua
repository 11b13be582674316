-- Yielding from the main program is an error, which pcall catches.
print(pcall(coroutine.yield, 1))                       -- expect: false	attempt to yield from outside a coroutine
print(coroutine.isyieldable())                         -- expect: false
coroutine.yield()                                      -- expect error: attempt to yield from outside a coroutine
