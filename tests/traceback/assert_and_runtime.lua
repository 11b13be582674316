-- A failed assert shows the C function assert; a runtime error in Lua code shows no C level on top.
local function check(x) assert(x == 1, "not one") end
print(select(2, xpcall(check, debug.traceback, 2)))
local function arith(t) return t.n * 2 end
local function outer() return 1 + arith({}) end
outer()
-- expect: tests/traceback/assert_and_runtime.lua:2: not one
-- expect: stack traceback:
-- expect: 	[C]: in function 'assert'
-- expect: 	tests/traceback/assert_and_runtime.lua:2: in function <tests/traceback/assert_and_runtime.lua:2>
-- expect: 	[C]: in function 'xpcall'
-- expect: 	tests/traceback/assert_and_runtime.lua:3: in main chunk
-- expect: 	[C]: in ?
-- expect stderr: tests/traceback/assert_and_runtime.lua:4: attempt to perform arithmetic on a nil value (field 'n')
-- expect stderr: stack traceback:
-- expect stderr: 	tests/traceback/assert_and_runtime.lua:4: in upvalue 'arith'
-- expect stderr: 	tests/traceback/assert_and_runtime.lua:5: in local 'outer'
-- expect stderr: 	tests/traceback/assert_and_runtime.lua:6: in main chunk
-- expect stderr: 	[C]: in ?
