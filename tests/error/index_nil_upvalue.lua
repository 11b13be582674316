-- Indexing nil held in an upvalue names the upvalue.
local u
local function f() return u.k end
f() -- expect error: :3: attempt to index a nil value (upvalue 'u')
