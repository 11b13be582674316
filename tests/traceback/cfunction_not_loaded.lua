-- A C function that is not in package.loaded is named by its call site, or "?" when C called it.
local name = os.tmpname()
local f = io.open(name, "w")
f:write("a\n")
f:close()
local it = io.lines(name)
it()
it()
os.remove(name)
print(select(2, xpcall(it, debug.traceback)))
local ok, e = pcall(function() return f:write("x") end)
print(e)
f.write(f, "x")
-- expect: file is already closed
-- expect: stack traceback:
-- expect: 	[C]: in ?
-- expect: 	[C]: in function 'xpcall'
-- expect: 	tests/traceback/cfunction_not_loaded.lua:10: in main chunk
-- expect: 	[C]: in ?
-- expect: tests/traceback/cfunction_not_loaded.lua:11: attempt to use a closed file
-- expect stderr: tests/traceback/cfunction_not_loaded.lua:13: attempt to use a closed file
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in field 'write'
-- expect stderr: 	tests/traceback/cfunction_not_loaded.lua:13: in main chunk
-- expect stderr: 	[C]: in ?
