-- loadfile and dofile accept a file holding string.dump's chunk (mode "b" or "bt"), not with mode "t"
local name = os.tmpname()
local f = assert(io.open(name, "wb"))
local base = 100
f:write(string.dump(function(a) return (a or 0) + 1, type(base) end))
f:close()
print(loadfile(name)(41))     -- expect: 42	nil
print(loadfile(name, "b")(1)) -- expect: 2	nil
print(loadfile(name, "t"))    -- expect: nil	attempt to load a binary chunk (mode is 't')
print(dofile(name))           -- expect: 1	nil
os.remove(name)
