-- math.deg, math.rad and the Lua 5.3 functions Debian's lua5.4 keeps (atan2 cosh sinh tanh pow log10 frexp
-- ldexp) were missing.
print(math.deg(math.pi), math.rad(180))     -- expect: 180.0	3.1415926535898
print(math.deg(1), math.rad(1))             -- expect: 57.295779513082	0.017453292519943
print(math.type(math.deg(2)))               -- expect: float
print(math.atan2(1, 2), math.atan2(1))      -- expect: 0.46364760900081	0.78539816339745
print(math.cosh(1), math.sinh(1), math.tanh(1))  -- expect: 1.5430806348152	1.1752011936438	0.76159415595576
print(math.pow(2, 10), math.log10(1000))    -- expect: 1024.0	3.0
print(math.frexp(8))                        -- expect: 0.5	4
print(math.frexp(-3.5))                     -- expect: -0.875	2
print(math.frexp(0))                        -- expect: 0.0	0
print(math.ldexp(0.5, 4), math.ldexp(3, 2.0))  -- expect: 8.0	12.0
print(pcall(math.ldexp, 1, 1.5))  -- expect: false	bad argument #2 to 'math.ldexp' (number has no integer representation)
print(pcall(math.pow, 1))         -- expect: false	bad argument #2 to 'math.pow' (number expected, got no value)
print(pcall(math.deg))            -- expect: false	bad argument #1 to 'math.deg' (number expected, got no value)
