-- A function reached by tail calls has no call-site name, and "(...tail calls...)" follows it.
local function a() error("in a") end
local function b() return a() end
local function c() local r = b() return r end
c()
-- expect stderr: tests/traceback/tail_calls.lua:2: in a
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/tail_calls.lua:2: in function <tests/traceback/tail_calls.lua:2>
-- expect stderr: 	(...tail calls...)
-- expect stderr: 	tests/traceback/tail_calls.lua:4: in local 'c'
-- expect stderr: 	tests/traceback/tail_calls.lua:5: in main chunk
-- expect stderr: 	[C]: in ?
