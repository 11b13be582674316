-- error with level 2 blames the caller; the traceback still starts at error.
local function check(x) if not x then error("bad input", 2) end end
local function use() check(false) end
use()
-- expect stderr: tests/traceback/error_level_2.lua:3: bad input
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/error_level_2.lua:2: in upvalue 'check'
-- expect stderr: 	tests/traceback/error_level_2.lua:3: in local 'use'
-- expect stderr: 	tests/traceback/error_level_2.lua:4: in main chunk
-- expect stderr: 	[C]: in ?
