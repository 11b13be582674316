-- An uncaught error's traceback: the C function error, a local function, the main chunk, the host.
local function f()
  error("boom")
end
f()
-- expect stderr: tests/traceback/error_in_local_function.lua:3: boom
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/error_in_local_function.lua:3: in local 'f'
-- expect stderr: 	tests/traceback/error_in_local_function.lua:5: in main chunk
-- expect stderr: 	[C]: in ?
