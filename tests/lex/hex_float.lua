-- Hexadecimal floats with binary exponents.
print(0x1p4)        -- expect: 16.0
print(0xA.8p0)      -- expect: 10.5
print(0x.1p4)       -- expect: 1.0
print(0x1P-2)       -- expect: 0.25
print(0xA.8)        -- expect: 10.5
print(math.type(0x10)) -- expect: integer
print(math.type(0x1p0)) -- expect: float
