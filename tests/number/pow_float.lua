-- Exponentiation always gives a float.
print(2^10)         -- expect: 1024.0
print(2^0.5)        -- expect: 1.4142135623731
print((-8)^(1/3))   -- expect: -nan
print(0^0)          -- expect: 1.0
print(2^-1074 > 0)  -- expect: true
print(10^308 * 10)  -- expect: inf
