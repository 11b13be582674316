-- Call-site names: a method, a field of a local table, an upvalue, a global function (found in package.loaded).
local obj = {}
function obj:m() error("deep") end
local t = {}
function t.f() obj:m() end
local function up() t.f() end
function glob() up() end
local function k() glob() end
k()
-- expect stderr: tests/traceback/method_field_upvalue.lua:3: deep
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/method_field_upvalue.lua:3: in method 'm'
-- expect stderr: 	tests/traceback/method_field_upvalue.lua:5: in field 'f'
-- expect stderr: 	tests/traceback/method_field_upvalue.lua:6: in upvalue 'up'
-- expect stderr: 	tests/traceback/method_field_upvalue.lua:7: in function 'glob'
-- expect stderr: 	tests/traceback/method_field_upvalue.lua:8: in local 'k'
-- expect stderr: 	tests/traceback/method_field_upvalue.lua:9: in main chunk
-- expect stderr: 	[C]: in ?
