-- and/or short-circuit and return one of their operands.
print(1 and 2, nil and 2, false and error("x")) -- expect: 2	nil	false
print(1 or error("x"), nil or "d", false or nil) -- expect: 1	d	nil
print(nil and nil or "z")     -- expect: z
local t = {}
print(t and t.x or "default") -- expect: default
local called = false
local function side() called = true; return true end
local _ = false and side()
print(called)                 -- expect: false
print(not nil, not 0)         -- expect: true	false
