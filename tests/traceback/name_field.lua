-- A function called from a table field (not in package.loaded) is named "field 'f'".
local t = {}
function t.f() error("in field") end
t.f()
-- expect stderr: tests/traceback/name_field.lua:3: in field
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/name_field.lua:3: in field 'f'
-- expect stderr: 	tests/traceback/name_field.lua:4: in main chunk
-- expect stderr: 	[C]: in ?
