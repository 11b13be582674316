-- A function of a module in package.loaded is named "mod.f".
package.path = "tests/fixtures/?.lua"
package.cpath = ""
local m = require("mod_fail")
local function call() m.fail("x") end
call()
-- expect stderr: tests/fixtures/mod_fail.lua:3: failing with x
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/fixtures/mod_fail.lua:3: in function 'mod_fail.fail'
-- expect stderr: 	tests/traceback/module_function.lua:5: in local 'call'
-- expect stderr: 	tests/traceback/module_function.lua:6: in main chunk
-- expect stderr: 	[C]: in ?
