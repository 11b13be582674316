-- Protected calls appear as "[C]: in function 'pcall'" / 'xpcall', and functions they call have no name.
local function inner() error("inner") end
local function viapcall()
  local ok, e = pcall(error)
  xpcall(inner, function(m) print(debug.traceback(m)) end)
end
viapcall()
-- expect: tests/traceback/pcall_in_between.lua:2: inner
-- expect: stack traceback:
-- expect: 	tests/traceback/pcall_in_between.lua:5: in function <tests/traceback/pcall_in_between.lua:5>
-- expect: 	[C]: in function 'error'
-- expect: 	tests/traceback/pcall_in_between.lua:2: in function <tests/traceback/pcall_in_between.lua:2>
-- expect: 	[C]: in function 'xpcall'
-- expect: 	tests/traceback/pcall_in_between.lua:5: in local 'viapcall'
-- expect: 	tests/traceback/pcall_in_between.lua:7: in main chunk
-- expect: 	[C]: in ?
