-- Floats print with %.14g, plus ".0" when the result looks like an integer.
print(1e15)        -- expect: 1e+15
print(1e14)        -- expect: 1e+14
print(123456789012345.0) -- expect: 1.2345678901234e+14
print(1e100)       -- expect: 1e+100
print(0.1)         -- expect: 0.1
print(100.0)       -- expect: 100.0
print(-0.0)        -- expect: -0.0
print(2^63)        -- expect: 9.2233720368548e+18
print(1/3)         -- expect: 0.33333333333333
print(3.14159265358979) -- expect: 3.1415926535898
print(1e-5)        -- expect: 1e-05
print(123.456)     -- expect: 123.456
print(2^53)        -- expect: 9.007199254741e+15
