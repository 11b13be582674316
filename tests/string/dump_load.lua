-- load(string.dump(f)) gives a working function with fresh upvalues, the first one set to load's env
local up = 10
local function add(a, b) return a + b + up end
local f = load(string.dump(add))
print(debug.getupvalue(f, 1), select(2, debug.getupvalue(f, 1)) == _G) -- expect: up	true
debug.setupvalue(f, 1, 5)
print(f(1, 2), add(1, 2), up)                                -- expect: 8	13	10
local g = load(string.dump(function(x) return x * 2, type(x) end))
print(g(21))                                                 -- expect: 42	number
local h = load(string.dump(function() return print end))
print(h() == print)                                          -- expect: true
local env = {print = "mine"}
print(load(string.dump(function() return print end), "x", "b", env)()) -- expect: mine
-- a <const> local lua5.4 folds is no upvalue: its value comes along
local K <const> = "k"
local kf = load(string.dump(function() return K, up end))
local k1, k2 = kf()
print(debug.getupvalue(kf, 1), select(2, debug.getupvalue(kf, 1)) == _G, k1, k2 == _G) -- expect: up	true	k	true
-- methods, varargs, nested and recursive functions
local t = {}
function t:m(a, ...) return self, a, select("#", ...) end
print(load(string.dump(t.m))(1, 2, 3, 4))                    -- expect: 1	2	2
local nested = load(string.dump(function()
  local function r(n) if n == 0 then return 0 end return n + r(n - 1) end
  return r(10)
end))
print(nested())                                              -- expect: 55
-- messages and debug information name the original lines and source
local e = load(string.dump(function(x)
  local y = x.field
  return y
end))
print(pcall(e, nil))                                         -- expect: false	tests/string/dump_load.lua:30: attempt to index a nil value (local 'x')
local i = debug.getinfo(e, "S")
print(i.linedefined, i.lastlinedefined, i.short_src, i.source, i.what) -- expect: 29	32	tests/string/dump_load.lua	@tests/string/dump_load.lua	Lua
-- a main chunk
local ch = load("local a = ... return a + 1", "=chunk")
local ch2 = load(string.dump(ch))
print(ch2(41), debug.getinfo(ch2, "S").source, debug.getinfo(ch2, "S").what) -- expect: 42	=chunk	main
-- a dump of a loaded dump
print(load(string.dump(load(string.dump(g))))(4))            -- expect: 8	number
