-- functions and coroutines share one metatable per type once debug.setmetatable sets it
local mt = {__index = {name = "fn"}, __concat = function(a, b) return "joined" end}
debug.setmetatable(print, mt)
print(getmetatable(print) == mt, (function() end).name, print .. 1) -- expect: true	fn	joined
debug.setmetatable(print, nil)
print(getmetatable(type))                                   -- expect: nil
local co = coroutine.create(print)
debug.setmetatable(co, {__index = function(c, k) return k .. "!" end})
print(coroutine.running().hello, co.x)                      -- expect: hello!	x!
debug.setmetatable(co, nil)
print(getmetatable(co))                                     -- expect: nil
