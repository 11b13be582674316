-- debug.getinfo: the fields of options S, u, n, l, t, r, f for Lua and C functions
local function f(a, b, ...)
  return a
end
local i = debug.getinfo(f)
print(i.source, i.short_src, i.what, i.linedefined, i.lastlinedefined) -- expect: @tests/debug/getinfo_fields.lua	tests/debug/getinfo_fields.lua	Lua	2	4
print(i.nups, i.nparams, i.isvararg, i.currentline, i.func == f, i.istailcall) -- expect: 0	2	true	-1	true	false
print(i.name, i.namewhat, i.ftransfer, i.ntransfer)          -- expect: nil		0	0
local c = debug.getinfo(print)
print(c.source, c.short_src, c.what, c.linedefined, c.lastlinedefined, c.currentline) -- expect: =[C]	[C]	C	-1	-1	-1
print(c.nups, c.nparams, c.isvararg, c.func == print)        -- expect: 0	0	true	true
print(debug.getinfo(print, "L").activelines)                 -- expect: nil
local m = debug.getinfo(1, "S")
print(m.source, m.short_src, m.what, m.linedefined, m.lastlinedefined) -- expect: @tests/debug/getinfo_fields.lua	tests/debug/getinfo_fields.lua	main	0	0
local function g() return debug.getinfo(1, "nSl") end
local gi = g()
print(gi.name, gi.namewhat, gi.what, gi.currentline, gi.linedefined, gi.lastlinedefined) -- expect: g	local	Lua	15	15	15
local up = 5
local function k() return up end
print(debug.getinfo(k, "u").nups, debug.getinfo(k, "u").nparams, debug.getinfo(k, "u").isvararg) -- expect: 1	0	false
-- chunks from load: source is the chunk name (or the text)
local ld = load("return debug.getinfo(1, 'S')")()
print(ld.source, ld.short_src, ld.what)                      -- expect: return debug.getinfo(1, 'S')	[string "return debug.getinfo(1, 'S')"]	main
ld = load("return debug.getinfo(1, 'S')", "=mine")()
print(ld.source, ld.short_src)                               -- expect: =mine	mine
ld = load("return debug.getinfo(1, 'S')", "@file.lua")()
print(ld.source, ld.short_src)                               -- expect: @file.lua	file.lua
local keys = {}
for key in pairs(debug.getinfo(f, "S")) do keys[#keys + 1] = key end
table.sort(keys)
print(table.concat(keys, " "))                               -- expect: lastlinedefined linedefined short_src source what
print(debug.getinfo(100))                                    -- expect: nil
