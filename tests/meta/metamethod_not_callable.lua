-- A metamethod that cannot be called gave "attempt to call a number value" without lua5.4's
-- "(metamethod 'add')"; operators name the event of the operator (__lt standing in for __le is 'le').
local mt = {__add = 34, __lt = {}, __le = 5, __concat = true, __len = "x", __unm = 1, __eq = 3, __band = {},
            __index = string.rep}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(pcall(function() return a + 1 end))
-- expect: false	tests/meta/metamethod_not_callable.lua:6: attempt to call a number value (metamethod 'add')
print(pcall(function() return 1 + a end))
-- expect: false	tests/meta/metamethod_not_callable.lua:8: attempt to call a number value (metamethod 'add')
print(pcall(function() return a > 1 end))
-- expect: false	tests/meta/metamethod_not_callable.lua:10: attempt to call a table value (metamethod 'lt')
print(pcall(function() return a <= a end))
-- expect: false	tests/meta/metamethod_not_callable.lua:12: attempt to call a number value (metamethod 'le')
print(pcall(function() return a .. "x" end))
-- expect: false	tests/meta/metamethod_not_callable.lua:14: attempt to call a boolean value (metamethod 'concat')
print(pcall(function() return #a end))
-- expect: false	tests/meta/metamethod_not_callable.lua:16: attempt to call a string value (metamethod 'len')
print(pcall(function() return -a end))
-- expect: false	tests/meta/metamethod_not_callable.lua:18: attempt to call a number value (metamethod 'unm')
print(pcall(function() return a == b end))
-- expect: false	tests/meta/metamethod_not_callable.lua:20: attempt to call a number value (metamethod 'eq')
print(pcall(function() return a & 1 end))
-- expect: false	tests/meta/metamethod_not_callable.lua:22: attempt to call a table value (metamethod 'band')
local c = setmetatable({}, {__lt = 1})
print(pcall(function() return c <= c end))
-- expect: false	tests/meta/metamethod_not_callable.lua:25: attempt to call a number value (metamethod 'le')
-- a library function as a metamethod is named after the event
print(pcall(function() return a.x end))
-- expect: false	tests/meta/metamethod_not_callable.lua:28: bad argument #1 to 'index' (string expected, got table)
-- called on behalf of a library function (string arithmetic, tostring): a call from C, no name, no position
print(pcall(function() return "x" + a end))   -- expect: false	attempt to call a number value
print(pcall(tostring, setmetatable({}, {__tostring = 1})))   -- expect: false	attempt to call a number value
