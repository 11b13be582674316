-- A forward goto may not jump into the scope of a local declared between it and its label.
goto skip
local x = 1
::skip::
print(x)
-- expect error: jump_into_scope.lua:5: <goto skip> at line 2 jumps into the scope of local 'x'
