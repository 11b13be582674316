-- Runtime errors in loaded chunks carry the chunk name.
local f = load("local t = nil; return t.x", "=loaded")
print(pcall(f)) -- expect: false	loaded:1: attempt to index a nil value (local 't')
local g = load("error('in chunk')")
print(pcall(g)) -- expect: false	[string "error('in chunk')"]:1: in chunk
