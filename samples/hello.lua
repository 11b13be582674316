-- hello.lua: the first program. Run it with `build/vmc run samples/hello.lua`.
print("Hello from vmc, a Lua 5.4 compiler!")
print(_VERSION, math.type(1), math.type(1.0), 7 // 2, 7 / 2, 2^53)
