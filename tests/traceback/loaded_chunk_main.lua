-- A chunk compiled by load is a main chunk; called from a local it is named by the call site.
local f = load("local x = nil; return x.y", "=chunky")
print(select(2, xpcall(f, debug.traceback)))
local g = load("error('loaded')")
g()
-- expect: chunky:1: attempt to index a nil value (local 'x')
-- expect: stack traceback:
-- expect: 	chunky:1: in main chunk
-- expect: 	[C]: in function 'xpcall'
-- expect: 	tests/traceback/loaded_chunk_main.lua:3: in main chunk
-- expect: 	[C]: in ?
-- expect stderr: [string "error('loaded')"]:1: loaded
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	[string "error('loaded')"]:1: in local 'g'
-- expect stderr: 	tests/traceback/loaded_chunk_main.lua:5: in main chunk
-- expect stderr: 	[C]: in ?
