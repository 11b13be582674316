-- A function called as a method is named "method 'm'".
local obj = {}
function obj:m() error("in method") end
obj:m()
-- expect stderr: tests/traceback/name_method.lua:3: in method
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/name_method.lua:3: in method 'm'
-- expect stderr: 	tests/traceback/name_method.lua:4: in main chunk
-- expect stderr: 	[C]: in ?
