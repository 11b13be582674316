-- Nested C-level calls stop with "C stack overflow" at lua5.4's depth (about 200), never a crash: library
-- calls out (gsub in gsub, sort in a comparator), __index functions through metamethods, pcall nesting,
-- coroutines resuming coroutines.
local n = 0
local function g() n = n + 1; string.gsub("a", ".", g) end
print(select(2, pcall(g)), n)           -- expect: C stack overflow	197
n = 0
local t = setmetatable({}, {__index = function(t, k) n = n + 1; return t[k] end})
print(select(2, pcall(function() return t.x end)), n)
-- expect: tests/coroutine/cstack_overflow.lua:8: C stack overflow	196
n = 0
local function p() n = n + 1; pcall(p) end
p()
print(n)                                -- expect: 198
n = 0
local function s() n = n + 1; table.sort({2, 1}, function(a, b) s() return a < b end) end
print(select(2, pcall(s)), n)           -- expect: C stack overflow	197
n = 0
local function r()
  n = n + 1
  local ok, e = coroutine.resume(coroutine.create(r))
  if not ok then error(e, 0) end
end
print(select(2, pcall(r)), n)           -- expect: C stack overflow	197
n = 0
local function w() n = n + 1; coroutine.wrap(w)() end
local ok, e = pcall(w)
print(ok, n, e:match("C stack overflow$"), select(2, e:gsub("cstack_overflow.lua:26: ", "")))
-- expect: false	197	C stack overflow	197
