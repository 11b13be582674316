-- Decimal number literal forms.
print(3.)           -- expect: 3.0
print(.5)           -- expect: 0.5
print(1e10)         -- expect: 10000000000.0
print(1e15)         -- expect: 1e+15
print(1E2)          -- expect: 100.0
print(2.5e-3)       -- expect: 0.0025
print(5e+0)         -- expect: 5.0
print(007)          -- expect: 7
print(math.type(3.)) -- expect: float
print(1e308 * 10)   -- expect: inf
