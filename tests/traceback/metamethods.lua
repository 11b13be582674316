-- Functions called as metamethods are named "metamethod 'x'".
local mt = {}
mt.__add = function(a, b) return a.v + b end
mt.__index = function(t, k) if k == "xx" then error("index " .. k) end return t[k .. "x"] end
mt.__concat = function(a, b) error("concat") end
mt.__lt = function(a, b) error("lt") end
local o = setmetatable({v = 1}, mt)
print(select(2, xpcall(function() return o + {} end, debug.traceback)))
print(select(2, xpcall(function() return o.x end, debug.traceback)))
print(select(2, xpcall(function() return o .. "s" end, debug.traceback)))
print(select(2, xpcall(function() return o < o end, debug.traceback)))
-- expect: tests/traceback/metamethods.lua:3: attempt to perform arithmetic on a table value (local 'b')
-- expect: stack traceback:
-- expect: 	tests/traceback/metamethods.lua:3: in metamethod 'add'
-- expect: 	tests/traceback/metamethods.lua:8: in function <tests/traceback/metamethods.lua:8>
-- expect: 	[C]: in function 'xpcall'
-- expect: 	tests/traceback/metamethods.lua:8: in main chunk
-- expect: 	[C]: in ?
-- expect: tests/traceback/metamethods.lua:4: index xx
-- expect: stack traceback:
-- expect: 	[C]: in function 'error'
-- expect: 	tests/traceback/metamethods.lua:4: in metamethod 'index'
-- expect: 	tests/traceback/metamethods.lua:4: in metamethod 'index'
-- expect: 	tests/traceback/metamethods.lua:9: in function <tests/traceback/metamethods.lua:9>
-- expect: 	[C]: in function 'xpcall'
-- expect: 	tests/traceback/metamethods.lua:9: in main chunk
-- expect: 	[C]: in ?
-- expect: tests/traceback/metamethods.lua:5: concat
-- expect: stack traceback:
-- expect: 	[C]: in function 'error'
-- expect: 	tests/traceback/metamethods.lua:5: in metamethod 'concat'
-- expect: 	tests/traceback/metamethods.lua:10: in function <tests/traceback/metamethods.lua:10>
-- expect: 	[C]: in function 'xpcall'
-- expect: 	tests/traceback/metamethods.lua:10: in main chunk
-- expect: 	[C]: in ?
-- expect: tests/traceback/metamethods.lua:6: lt
-- expect: stack traceback:
-- expect: 	[C]: in function 'error'
-- expect: 	tests/traceback/metamethods.lua:6: in metamethod 'lt'
-- expect: 	tests/traceback/metamethods.lua:11: in function <tests/traceback/metamethods.lua:11>
-- expect: 	[C]: in function 'xpcall'
-- expect: 	tests/traceback/metamethods.lua:11: in main chunk
-- expect: 	[C]: in ?
