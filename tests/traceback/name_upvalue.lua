-- A function called through an upvalue is named "upvalue 'up'".
local function up() error("in upvalue") end
local function caller() up() end
caller()
-- expect stderr: tests/traceback/name_upvalue.lua:2: in upvalue
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/name_upvalue.lua:2: in upvalue 'up'
-- expect stderr: 	tests/traceback/name_upvalue.lua:3: in local 'caller'
-- expect stderr: 	tests/traceback/name_upvalue.lua:4: in main chunk
-- expect stderr: 	[C]: in ?
