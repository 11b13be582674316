-- An uncaught error object that is not a string: lua.c's message handler names its type, then the traceback.
local function f() error({code = 1}) end
f()
-- expect stderr: (error object is a table value)
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/uncaught_non_string.lua:2: in local 'f'
-- expect stderr: 	tests/traceback/uncaught_non_string.lua:3: in main chunk
-- expect stderr: 	[C]: in ?
