-- A long traceback shows its first 10 and last 11 levels.
local function rec(n)
  if n == 0 then error("bottom") end
  rec(n - 1)
end
rec(30)
-- expect stderr: tests/traceback/long_traceback_skips.lua:3: bottom
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:3: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	...	(skipping 12 levels)
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in upvalue 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:4: in local 'rec'
-- expect stderr: 	tests/traceback/long_traceback_skips.lua:6: in main chunk
-- expect stderr: 	[C]: in ?
