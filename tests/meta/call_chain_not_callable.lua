-- Regression: when a __call chain ends in a value that cannot be called, the message still names the
-- original callee ("(upvalue 'a')"); vmc dropped the description after the first __call.
local a = setmetatable({}, {__call = setmetatable({}, {__call = 3})})
print(select(2, pcall(function() return a() end))) -- expect: tests/meta/call_chain_not_callable.lua:4: attempt to call a number value (upvalue 'a')
local b = setmetatable({}, {__call = 5})
print(select(2, pcall(function() return b() end))) -- expect: tests/meta/call_chain_not_callable.lua:6: attempt to call a number value (upvalue 'b')
