-- <const> locals can be read and captured.
local N <const> = 10
local S <const> = "str"
local function get() return N * 2 end
print(N, S, get())   -- expect: 10	str	20
local t <const> = {}
t.x = 1              -- the table itself is still mutable
print(t.x)           -- expect: 1
