-- Tail calls made by a function called directly (its caller calls the tail-called function directly too, or not).
local function clamp(x) if x > 5 then error("big") end return x end
local function add(a, b) return a + b end
local function f4(x) return clamp(add(x, 1)) end
local function f3(x) return add(f4(x), 1) end
print(pcall(f3, 2))
print(select(2, xpcall(f3, debug.traceback, 9)))
local function user(x) local a = clamp(1); local b = f4(x); return a + b end
print(select(2, xpcall(user, debug.traceback, 9)))
f3(10)
-- expect: true	4
-- expect: tests/traceback/direct_tail_calls.lua:2: big
-- expect: stack traceback:
-- expect: 	[C]: in function 'error'
-- expect: 	tests/traceback/direct_tail_calls.lua:2: in function <tests/traceback/direct_tail_calls.lua:2>
-- expect: 	(...tail calls...)
-- expect: 	tests/traceback/direct_tail_calls.lua:5: in function <tests/traceback/direct_tail_calls.lua:5>
-- expect: 	[C]: in function 'xpcall'
-- expect: 	tests/traceback/direct_tail_calls.lua:7: in main chunk
-- expect: 	[C]: in ?
-- expect: tests/traceback/direct_tail_calls.lua:2: big
-- expect: stack traceback:
-- expect: 	[C]: in function 'error'
-- expect: 	tests/traceback/direct_tail_calls.lua:2: in function <tests/traceback/direct_tail_calls.lua:2>
-- expect: 	(...tail calls...)
-- expect: 	tests/traceback/direct_tail_calls.lua:8: in function <tests/traceback/direct_tail_calls.lua:8>
-- expect: 	[C]: in function 'xpcall'
-- expect: 	tests/traceback/direct_tail_calls.lua:9: in main chunk
-- expect: 	[C]: in ?
-- expect stderr: tests/traceback/direct_tail_calls.lua:2: big
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/direct_tail_calls.lua:2: in function <tests/traceback/direct_tail_calls.lua:2>
-- expect stderr: 	(...tail calls...)
-- expect stderr: 	tests/traceback/direct_tail_calls.lua:5: in local 'f3'
-- expect stderr: 	tests/traceback/direct_tail_calls.lua:10: in main chunk
-- expect stderr: 	[C]: in ?
