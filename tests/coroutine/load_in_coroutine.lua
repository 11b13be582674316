-- load compiles inside a coroutine too, deeply nested source included (the compiler runs on the main
-- program's stack, larger than a coroutine's), and the loaded code runs in the coroutine.
local src = "return " .. string.rep("(", 190) .. "coroutine.yield(1) + 1" .. string.rep(")", 190)
local co = coroutine.wrap(function() return load(src)() end)
print(co())            -- expect: 1
print(co(41))          -- expect: 42
local long = "local x = " .. string.rep("1 + ", 5000) .. "1 return x"
print(coroutine.wrap(function() return load(long)() end)())   -- expect: 5001
print(coroutine.wrap(function() return load("x = = 1") end)())
-- expect: nil	[string "x = = 1"]:1: unexpected symbol near '='
