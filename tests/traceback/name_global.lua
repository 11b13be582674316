-- A global function is found in package.loaded._G and named "function 'glob'" (without "_G.").
function glob() error("in global") end
local function caller() glob() end
caller()
-- expect stderr: tests/traceback/name_global.lua:2: in global
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/name_global.lua:2: in function 'glob'
-- expect stderr: 	tests/traceback/name_global.lua:3: in local 'caller'
-- expect stderr: 	tests/traceback/name_global.lua:4: in main chunk
-- expect stderr: 	[C]: in ?
