-- debug.upvalueid identifies the variable an upvalue refers to; upvaluejoin makes an upvalue refer to another's
local a, b = 1, 2
local function fa() return a end
local function fa2() return a + 0 end
local function fb() return b end
print(debug.upvalueid(fa, 1) == debug.upvalueid(fa2, 1)) -- expect: true
print(debug.upvalueid(fa, 1) == debug.upvalueid(fb, 1))  -- expect: false
print(type(debug.upvalueid(fa, 1)))                      -- expect: userdata
print(debug.upvalueid(fa, 2))                            -- expect: nil
print(pcall(debug.upvalueid, fa, 0))                     -- expect: true	nil
debug.upvaluejoin(fa, 1, fb, 1)
print(fa(), fa2())                                       -- expect: 2	1
print(debug.upvalueid(fa, 1) == debug.upvalueid(fb, 1))  -- expect: true
b = 20
print(fa(), fb())                                        -- expect: 20	20
-- closures from one factory have distinct variables
local function mk() local c = 0 return function() c = c + 1 return c end end
local c1, c2 = mk(), mk()
print(debug.upvalueid(c1, 1) == debug.upvalueid(c2, 1))  -- expect: false
c1() c1()
debug.upvaluejoin(c2, 1, c1, 1)
print(c2(), c1())                                        -- expect: 3	4
print(pcall(debug.upvaluejoin, fa, 2, fb, 1))            -- expect: false	bad argument #2 to 'debug.upvaluejoin' (invalid upvalue index)
print(pcall(debug.upvaluejoin, fa, 1, fb, 5))            -- expect: false	bad argument #4 to 'debug.upvaluejoin' (invalid upvalue index)
print(pcall(debug.upvaluejoin, print, 1, fb, 1))         -- expect: false	bad argument #2 to 'debug.upvaluejoin' (invalid upvalue index)
print(pcall(debug.upvaluejoin, fa, 1, 3, 1))             -- expect: false	bad argument #3 to 'debug.upvaluejoin' (function expected, got number)
