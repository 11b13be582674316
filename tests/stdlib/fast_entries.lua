-- Library functions with a fast entry (VmFuncInfo.fast: math.sqrt/abs/floor/ceil/max/min, string.byte/char/
-- len/sub, type, next, the ipairs iterator) give what the functions give, for the arguments the fast entry takes
-- and for those it leaves to the function (strings as numbers, floats as indexes, errors, metamethods).
local sqrt, abs, floor, ceil, max, min = math.sqrt, math.abs, math.floor, math.ceil, math.max, math.min
local byte, char, len, sub = string.byte, string.char, string.len, string.sub

print(sqrt(16), sqrt(2.25), sqrt(0), sqrt(-0.0), sqrt(1e300 * 1e10))   -- expect: 4.0	1.5	0.0	-0.0	inf
print(sqrt("16"), math.type(sqrt(4)))                                  -- expect: 4.0	float
print(pcall(sqrt))                  -- expect: false	bad argument #1 to 'math.sqrt' (number expected, got no value)
print(pcall(sqrt, {}))              -- expect: false	bad argument #1 to 'math.sqrt' (number expected, got table)
print(abs(-3), abs(3), abs(-2.5), abs(-0.0), abs(math.mininteger), abs("-7"))
-- expect: 3	3	2.5	0.0	-9223372036854775808	7.0
print(floor(3.7), floor(-3.7), floor(5), floor(-0.0), floor(2^63), floor(-2^63), floor("2.5"))
-- expect: 3	-4	5	0	9.2233720368548e+18	-9223372036854775808	2
print(ceil(3.2), ceil(-3.2), ceil(5), ceil(2^70), math.type(ceil(1.0)))  -- expect: 4	-3	5	1.1805916207174e+21	integer
print(floor(1/0), ceil(-1/0))                                          -- expect: inf	-inf
print(max(1, 2), max(2.5, 1), max(1, 1.0), max(1.0, 1), max(3), min(4, 2, 8), min(1.0, 1), min(-0.0, 0.0))
-- expect: 2	2.5	1	1.0	3	2	1.0	-0.0
print(max(math.maxinteger, 2^63), min(math.mininteger, -2^63))   -- expect: 9.2233720368548e+18	-9223372036854775808
print(pcall(max))                             -- expect: false	bad argument #1 to 'math.max' (value expected)
print(pcall(max, 1, "x"))                     -- expect: false	attempt to compare number with string

local s = "hello"
print(byte(s), byte(s, 2), byte(s, -1), byte(s, 5), s:byte(3), byte("\255", 1))  -- expect: 104	101	111	111	108	255
print(select("#", byte(s, 0)), select("#", byte(s, 6)), select("#", byte(s, -6)), select("#", byte("", 1)))
-- expect: 0	0	0	0
print(byte(s, 2.0), byte(s, "3"), byte(s, 1, 3), byte(123, 2))     -- expect: 101	108	104	50
print(byte(s, 2, 4))                                               -- expect: 101	108	108
print(byte(s, math.mininteger), byte(s, math.maxinteger))          -- expect: nil
print(pcall(byte, s, 1.5))     -- expect: false	bad argument #2 to 'string.byte' (number has no integer representation)
print(pcall(byte))                     -- expect: false	bad argument #1 to 'string.byte' (string expected, got no value)
print(char(72), char(0) == "\0", char(255) == "\255", char(72.0), char("73"), char())   -- expect: H	true	true	H	I	
print(pcall(char, 256))                       -- expect: false	bad argument #1 to 'string.char' (value out of range)
print(pcall(char, -1))                        -- expect: false	bad argument #1 to 'string.char' (value out of range)
print(len(s), len(""), len(12.5), s:len())    -- expect: 5	0	4	5
print(pcall(len, nil))                        -- expect: false	bad argument #1 to 'string.len' (string expected, got nil)
print(sub(s, 2), sub(s, 2, 3), sub(s, -3), sub(s, -3, -2), sub(s, 0), sub(s, 4, 2) == "", sub(s, 1, 100))
-- expect: ello	el	llo	ll	hello	true	hello
print(sub(s, math.mininteger, math.maxinteger), sub(s, 2.0, 3.0), sub(s, "2", "3"), s:sub(5, 5), sub(12345, 2, 3))
-- expect: hello	el	el	o	23
print(pcall(sub, s))                     -- expect: false	bad argument #2 to 'string.sub' (number expected, got no value)
print(sub(s, 1, -1) == s, rawequal(sub(s, 1), s))                    -- expect: true	true

print(type(nil), type(true), type(1), type(1.5), type("s"), type({}), type(print), type(type),
      type(coroutine.create(print)), type(io.stdout))
-- expect: nil	boolean	number	number	string	table	function	function	thread	userdata
print(pcall(type))                            -- expect: false	bad argument #1 to 'type' (value expected)

-- ipairs: its fast step reads the array part; holes, the hash part and __index go to the function
local t = {10, 20, 30, nil, 50}
local seen = {}
for i, v in ipairs(t) do seen[#seen + 1] = i .. "=" .. v end
print(table.concat(seen, " "))                                     -- expect: 1=10 2=20 3=30
local h = {}
h[3], h[2], h[1] = "c", "b", "a"                                   -- in the hash part
seen = {}
for i, v in ipairs(h) do seen[#seen + 1] = i .. v end
print(table.concat(seen, " "))                                     -- expect: 1a 2b 3c
local proxy = setmetatable({1, 2}, {__index = function(_, k) if k <= 4 then return k * 100 end end})
seen = {}
for i, v in ipairs(proxy) do seen[#seen + 1] = v end
print(table.concat(seen, " "))                                     -- expect: 1 2 300 400
local grow = {1, 2, 3}
seen = {}
for i, v in ipairs(grow) do
  seen[#seen + 1] = v
  if i == 2 then grow[3] = "three"; grow[4] = "four" end
  if i == 4 then grow[5] = nil end
end
print(table.concat(seen, " "))                                     -- expect: 1 2 three four
print(pcall(ipairs))                          -- expect: false	bad argument #1 to 'ipairs' (value expected)
local it, st, init = ipairs({7})
print(it(st, init), it(st, 1), it(st, 1.0), it({7, 8}, 1.0))       -- expect: 1	nil	nil	2	8

-- next and pairs
local keys = {}
for k, v in pairs({5, 6, x = 1}) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))                                     -- expect: 1 2 x
local m = {a = 1, b = 2, c = 3}
for k in pairs(m) do m[k] = nil end                                -- clearing fields during a traversal
print(next(m))                                                     -- expect: nil
print(next({}), next({}, nil), next({9}), next({9}, 1))            -- expect: nil	nil	1	nil
print(pcall(next, {9}, 1.0))                                       -- expect: false	invalid key to 'next'
local fk = {}
fk[2^53] = 1
print(next(fk), pcall(next, fk, 2^53))             -- expect: 9007199254740992	false	invalid key to 'next'
print(pcall(next, {}, "nope"))                                     -- expect: false	invalid key to 'next'
print(pcall(next, {1}, 2))                                         -- expect: false	invalid key to 'next'
print(pcall(next))                            -- expect: false	bad argument #1 to 'next' (table expected, got no value)
local pt = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "p" end end, t end})
for k, v in pairs(pt) do print(k, v) end                           -- expect: 1	p

-- a library function replaced by a Lua one is that one
local saved = string.byte
string.byte = function(str, i) return "mine " .. i end
print(("x"):byte(1))                                               -- expect: mine 1
string.byte = saved
print(("x"):byte(1))                                               -- expect: 120

-- errors keep the name the call site gives and the traceback line of the C function
local function msg(f) return (select(2, pcall(f)):gsub("^[^:]*:%d+: ", "")) end
print(msg(function() return sqrt(nil) end))           -- expect: bad argument #1 to 'sqrt' (number expected, got nil)
print(msg(function() return ("x"):sub({}) end))       -- expect: bad argument #1 to 'sub' (number expected, got table)

-- setmetatable: the fast entry only gives a metatable to a table without one, for a class known to lack __gc and
-- __mode; every other case is the function's
local C = {}
C.__index = C
function C.hello() return "hi" end
local o1 = setmetatable({}, C)
local o2 = setmetatable({}, C)                                     -- C known plain by now
print(o2.hello(), getmetatable(o2) == C, setmetatable(o1, C) == o1)   -- expect: hi	true	true
print(select("#", setmetatable({}, C)))                            -- expect: 1
o1.tag, o2.tag = "o1", "o2"
C.__gc = function(o) print("finalized " .. o.tag) end            -- too late for o1 and o2, not for o3
local o3 = setmetatable({tag = "o3"}, C)                           -- (its finalizer runs at the end)
local P = {__metatable = "locked"}
local locked = setmetatable({}, P)
print(pcall(setmetatable, locked, C))                  -- expect: false	cannot change a protected metatable
print(getmetatable(setmetatable(setmetatable({}, C), nil)))        -- expect: nil
local Base = {greet = function() return "base" end}
local Derived = {}
Derived.__index = Derived
local d = setmetatable({}, Derived)
print(d.greet)                                                     -- expect: nil
setmetatable(Derived, {__index = Base})                            -- a class used already gets its parent
print(d.greet())                                                   -- expect: base
print(pcall(setmetatable, {}, 1))   -- expect: false	bad argument #2 to 'setmetatable' (nil or table expected, got number)
print(pcall(setmetatable, 1, {}))         -- expect: false	bad argument #1 to 'setmetatable' (table expected, got number)
print("end")                                                       -- expect: end
-- expect: finalized o3
