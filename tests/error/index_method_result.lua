-- Indexing the nil result of a call has no variable name.
local function f() return nil end
f().x = 1 -- expect error: :3: attempt to index a nil value
