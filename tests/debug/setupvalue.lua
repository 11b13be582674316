-- debug.setupvalue: changes the variable itself, seen by every closure sharing it; returns the name
local n = 1
local function get() return n end
local function set(v) n = v end
print(debug.setupvalue(get, 1, 42))                          -- expect: n
print(n, get())                                              -- expect: 42	42
set(7)
print(debug.getupvalue(get, 1))                              -- expect: n	7
print(debug.setupvalue(get, 2, 0))                           -- expect:
print(select("#", debug.setupvalue(get, 2, 0)))              -- expect: 0
print(pcall(debug.setupvalue, get, 1))                       -- expect: false	bad argument #3 to 'debug.setupvalue' (value expected)
print(pcall(debug.setupvalue, 3, 1, 2))                      -- expect: false	bad argument #1 to 'debug.setupvalue' (function expected, got number)
-- _ENV is the main chunk's: replacing it through pr replaces it for the main chunk too
local function pr(x) return print(x) end
print(debug.getupvalue(pr, 1), select(2, debug.getupvalue(pr, 1)) == _ENV) -- expect: _ENV	true
local write, G, dbg, type = io.write, _G, debug, type
dbg.setupvalue(pr, 1, {print = function(x) write("env:", x, "\n") end})
pr("hi")                                                     -- expect: env:hi
write(type(print), "\n")                                     -- expect: function
dbg.setupvalue(pr, 1, G)
print("back")                                                -- expect: back
