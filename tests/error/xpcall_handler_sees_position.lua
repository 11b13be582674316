-- The message handler receives the message with its position and runs before unwinding.
local function h(m) return "[" .. m .. "]" end
print(xpcall(function() error("e1") end, h)) -- expect: false	[tests/error/xpcall_handler_sees_position.lua:3: e1]
print(xpcall(function() local t = {} return t.a.b end, h)) -- expect: false	[tests/error/xpcall_handler_sees_position.lua:4: attempt to index a nil value (field 'a')]
