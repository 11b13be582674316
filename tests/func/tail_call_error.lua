-- A tail call of nil raises "attempt to call" naming the callee, in the calling function.
local function f() return nil_fn(1, 2) end
print(pcall(f))  -- expect: false	tests/func/tail_call_error.lua:2: attempt to call a nil value (global 'nil_fn')
local t = {}
local function m() return t.missing("x") end
print(pcall(m))  -- expect: false	tests/func/tail_call_error.lua:5: attempt to call a nil value (field 'missing')
local function g(x) return x() end
print(pcall(g, 5))  -- expect: false	tests/func/tail_call_error.lua:7: attempt to call a number value (local 'x')
local function h() return nil_fn() end
h()  -- expect error: tests/func/tail_call_error.lua:9: attempt to call a nil value (global 'nil_fn')
