-- C functions on the stack: the failing one (string.rep, named from package.loaded) and those calling Lua
-- functions (table.sort's comparator, pcall).
local function cmp(x, y)
  return ("x"):rep(-1, {}) < y
end
local function sortit() table.sort({3, 2, 1}, cmp) end
print(pcall(sortit))
print(xpcall(sortit, debug.traceback))
-- expect: false	tests/traceback/cfunction_levels.lua:4: bad argument #2 to 'rep' (string expected, got table)
-- expect: false	tests/traceback/cfunction_levels.lua:4: bad argument #2 to 'rep' (string expected, got table)
-- expect: stack traceback:
-- expect: 	[C]: in function 'string.rep'
-- expect: 	tests/traceback/cfunction_levels.lua:4: in function <tests/traceback/cfunction_levels.lua:3>
-- expect: 	[C]: in function 'table.sort'
-- expect: 	tests/traceback/cfunction_levels.lua:6: in function <tests/traceback/cfunction_levels.lua:6>
-- expect: 	[C]: in function 'xpcall'
-- expect: 	tests/traceback/cfunction_levels.lua:8: in main chunk
-- expect: 	[C]: in ?
