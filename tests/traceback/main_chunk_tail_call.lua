-- The main chunk's own `return f()` is a tail call too.
local function fail() error("from tail") end
return fail()
-- expect stderr: tests/traceback/main_chunk_tail_call.lua:2: from tail
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/main_chunk_tail_call.lua:2: in function <tests/traceback/main_chunk_tail_call.lua:2>
-- expect stderr: 	(...tail calls...)
-- expect stderr: 	[C]: in ?
