-- A method call site (o:m()) decides in line that o lacks m (the node at m's main position in o holds another key
-- and ends its chain, or o holds m's node with nil) and takes the site's cached class result; every change that
-- makes that wrong is seen. Each case has its own site, warmed by the same object first.
local A = {}
A.__index = A
function A:who() return "A" end
local B = setmetatable({}, {__index = A})
B.__index = B
local function new(cls) return setmetatable({x = 1, y = 2}, cls) end

local function s1(o) return o:who() end
local b = new(B)
print(s1(b), s1(b))                                       -- expect: A	A
function B:who() return "B" end                          -- a prototype on the chain gains the key
print(s1(b))                                              -- expect: B
B.who = nil                                               -- and loses it
print(s1(b))                                              -- expect: A

local function s2(o) return o:who() end
local a = new(A)
print(s2(a), s2(a))                                       -- expect: A	A
a.who = function() return "own" end                      -- the object gets the key: shadows the class
print(s2(a))                                              -- expect: own
a.who = nil                                               -- the key's node stays in the object, with nil
print(s2(a))                                              -- expect: A
A.who = function() return "A2" end                        -- a value replaced in place
print(s2(a))                                              -- expect: A2

local function s3(o) return o:who() end
local c = new(B)
print(s3(c), s3(c))                                       -- expect: A2	A2
setmetatable(c, {__index = function(_, k) return function() return "fn " .. k end end})
print(s3(c))                                              -- expect: fn who
setmetatable(c, B)
print(s3(c))                                              -- expect: A2
for i = 1, 40 do c["k" .. i] = i end                      -- the object rehashed: m's main position moves
print(s3(c))                                              -- expect: A2
rawset(c, "who", function() return "own c" end)
print(s3(c))                                              -- expect: own c

local function s4(o) return o:who() end
local d = new(A)
print(s4(d))                                              -- expect: A2
getmetatable(d).__index = B                               -- the metatable names another class
print(s4(d))                                              -- expect: A2
function B:who() return "B2" end
print(s4(d))                                              -- expect: B2
getmetatable(d).__index = A
rawset(A, "who", nil)
print(pcall(s4, d))                                       -- expect: false	tests/ic/method_site_guesses.lua:41: attempt to call a nil value (method 'who')

local function s5(o) return o:who() end
print(s5(new(B)))                                         -- expect: B2
local f = new(A)
for i = 1, 40 do f["k" .. i] = i end
f.who = function() return "own f" end                     -- a key the site's guessed node does not hold
print(s5(f))                                              -- expect: own f

-- A field set to nil on an object reads through the class: its default, and a default that changes.
local C = {size = 10}
C.__index = C
local objs = {}
for i = 1, 3 do objs[i] = setmetatable({size = i, name = "o" .. i}, C) end
local function size(o) return o.size end
print(size(objs[1]), size(objs[2]))                       -- expect: 1	2
objs[1].size = nil
print(size(objs[1]), size(objs[1]))                       -- expect: 10	10
C.size = 20
print(size(objs[1]))                                      -- expect: 20
C.size = nil
print(size(objs[1]))                                      -- expect: nil
C.size = 25
setmetatable(objs[1], nil)
print(size(objs[1]), size(objs[3]))                       -- expect: nil	3
