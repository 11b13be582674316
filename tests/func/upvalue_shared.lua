-- Two closures created in the same scope share one upvalue.
local function make()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
local get, set = make()
set(42)
print(get())   -- expect: 42
local x = 1
local function f() return x end
x = 2
print(f())     -- expect: 2
