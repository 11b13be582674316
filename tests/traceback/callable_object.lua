-- An object called through __call is named as the call site names the object.
local callable = setmetatable({}, {__call = function(self, x) error("called with " .. x) end})
local function go() callable(5) end
go()
-- expect stderr: tests/traceback/callable_object.lua:2: called with 5
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/callable_object.lua:2: in upvalue 'callable'
-- expect stderr: 	tests/traceback/callable_object.lua:3: in local 'go'
-- expect stderr: 	tests/traceback/callable_object.lua:4: in main chunk
-- expect stderr: 	[C]: in ?
