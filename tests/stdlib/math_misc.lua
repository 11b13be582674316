-- math constants and elementary functions.
print(math.sqrt(16), math.sqrt(2))           -- expect: 4.0	1.4142135623731
print(math.huge, -math.huge)                 -- expect: inf	-inf
print(math.pi)                               -- expect: 3.1415926535898
print(math.maxinteger, math.mininteger)      -- expect: 9223372036854775807	-9223372036854775808
print(math.ult(1, -1), math.ult(-1, 1))      -- expect: true	false
print(math.exp(0), math.log(1))              -- expect: 1.0	0.0
print(math.log(8, 2), math.log(100, 10))     -- expect: 3.0	2.0
print(math.log(math.exp(2)))                 -- expect: 2.0
print(math.sin(0), math.cos(0))              -- expect: 0.0	1.0
print(string.format("%.4f", math.sin(math.pi / 6))) -- expect: 0.5000
print(math.atan(1, 1) == math.pi / 4)        -- expect: true
print(math.tointeger(math.floor(-7.5)))      -- expect: -8
