-- Uncaught stack overflow exits with status 1 and mentions the stack overflow.
local function f() return 1 + f() end
f() -- expect error: stack overflow
