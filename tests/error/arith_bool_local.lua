-- Arithmetic on a boolean local.
local flag = true
local r = flag + 1 -- expect error: :3: attempt to perform arithmetic on a boolean value (local 'flag')
