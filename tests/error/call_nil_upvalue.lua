-- Calling nil held in an upvalue names the upvalue.
local cb
local function run() cb() end
run() -- expect error: :3: attempt to call a nil value (upvalue 'cb')
