-- debug.traceback with a message and a level, and in a nested function.
local function f()
  print(debug.traceback("msg"))
  print(debug.traceback("level 2", 2))
  print(debug.traceback("level 3", 3))
  print(debug.traceback(nil, 1))
  print(debug.traceback("too far", 50))
end
local function g() f() end
g()
print(type(debug.traceback({})))
print(debug.traceback(12))
-- expect: msg
-- expect: stack traceback:
-- expect: 	tests/traceback/debug_traceback_levels.lua:3: in upvalue 'f'
-- expect: 	tests/traceback/debug_traceback_levels.lua:9: in local 'g'
-- expect: 	tests/traceback/debug_traceback_levels.lua:10: in main chunk
-- expect: 	[C]: in ?
-- expect: level 2
-- expect: stack traceback:
-- expect: 	tests/traceback/debug_traceback_levels.lua:9: in local 'g'
-- expect: 	tests/traceback/debug_traceback_levels.lua:10: in main chunk
-- expect: 	[C]: in ?
-- expect: level 3
-- expect: stack traceback:
-- expect: 	tests/traceback/debug_traceback_levels.lua:10: in main chunk
-- expect: 	[C]: in ?
-- expect: stack traceback:
-- expect: 	tests/traceback/debug_traceback_levels.lua:6: in upvalue 'f'
-- expect: 	tests/traceback/debug_traceback_levels.lua:9: in local 'g'
-- expect: 	tests/traceback/debug_traceback_levels.lua:10: in main chunk
-- expect: 	[C]: in ?
-- expect: too far
-- expect: stack traceback:
-- expect: table
-- expect: 12
-- expect: stack traceback:
-- expect: 	tests/traceback/debug_traceback_levels.lua:12: in main chunk
-- expect: 	[C]: in ?
