-- A tail call to a C function: called in the caller's frame (error positions and levels as lua5.4).
local function count(...) return select('#', ...) end
print(count(), count(nil, nil), count(1, 2, 3))  -- expect: 0	2	3
local function str(x) return tostring(x) end
print(str(12), str(nil), str(1.5))  -- expect: 12	nil	1.5
local function unpack3(t) return table.unpack(t, 1, 3) end
print(unpack3({"a", "b"}))  -- expect: a	b	nil
local function boom() return error("boom") end
print(pcall(boom))  -- expect: false	tests/func/tail_call_cfunction.lua:8: boom
local function lvl2() return error("up", 2) end
local function caller() local v = lvl2() return v end
print(pcall(caller))  -- expect: false	tests/func/tail_call_cfunction.lua:11: up
local function rep() return string.rep() end
print(pcall(rep))  -- expect: false	tests/func/tail_call_cfunction.lua:13: bad argument #1 to 'rep' (string expected, got no value)
