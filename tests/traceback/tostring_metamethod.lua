-- A __tostring called by tostring (a C function) has no name.
local o = setmetatable({}, {__tostring = function() error("no string") end})
local function show() return tostring(o) end
show()
-- expect stderr: tests/traceback/tostring_metamethod.lua:2: no string
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/tostring_metamethod.lua:2: in function <tests/traceback/tostring_metamethod.lua:2>
-- expect stderr: 	[C]: in function 'tostring'
-- expect stderr: 	tests/traceback/tostring_metamethod.lua:3: in local 'show'
-- expect stderr: 	tests/traceback/tostring_metamethod.lua:4: in main chunk
-- expect stderr: 	[C]: in ?
