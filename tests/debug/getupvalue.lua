-- debug.getupvalue: names and values of a Lua function's upvalues, numbered as lua5.4 does (_ENV included)
local a, b = 1, "two"
local function f() print(a, b) end
print(debug.getupvalue(f, 1) , select(2, debug.getupvalue(f, 1)) == _ENV) -- expect: _ENV	true
print(debug.getupvalue(f, 2))                                -- expect: a	1
print(debug.getupvalue(f, 3))                                -- expect: b	two
print(debug.getupvalue(f, 4))                                -- expect:
print(debug.getupvalue(f, 0))                                -- expect:
print(select("#", debug.getupvalue(f, 4)))                   -- expect: 0
local function g() return a end
print(debug.getupvalue(g, 1))                                -- expect: a	1
-- a <const> local with a literal value is folded by lua5.4: no upvalue for it
local K <const> = 10
local S <const> = "s"
local function h() return K, a, S, b end
print(debug.getupvalue(h, 1))                                -- expect: a	1
print(debug.getupvalue(h, 2))                                -- expect: b	two
print(debug.getupvalue(h, 3))                                -- expect:
-- an upvalue of an upvalue
local function outer()
  local x = {}
  return function() return function() return x, a end end
end
local inner = outer()()
print(debug.getupvalue(inner, 1) , type(select(2, debug.getupvalue(inner, 1)))) -- expect: x	table
print(debug.getupvalue(inner, 2))                            -- expect: a	1
-- C functions have unnamed upvalues (none for print)
print(debug.getupvalue(print, 1))                            -- expect:
print(pcall(debug.getupvalue, 1, 1))                         -- expect: false	bad argument #1 to 'debug.getupvalue' (function expected, got number)
print(pcall(debug.getupvalue, f))                            -- expect: false	bad argument #2 to 'debug.getupvalue' (number expected, got no value)
print(pcall(debug.getupvalue, f, "x"))                       -- expect: false	bad argument #2 to 'debug.getupvalue' (number expected, got string)
