-- string.format float conversions.
print(string.format("%f", 1.5))          -- expect: 1.500000
print(string.format("%.2f", 3.14159))    -- expect: 3.14
print(string.format("%8.3f|", -2.5))     -- expect:   -2.500|
print(string.format("%-8.1f|", 2.25))    -- expect: 2.2     |
print(string.format("%e", 12345.678))    -- expect: 1.234568e+04
print(string.format("%.2E", 0.000123))   -- expect: 1.23E-04
print(string.format("%g %g %g", 0.0001, 1e20, 100)) -- expect: 0.0001 1e+20 100
print(string.format("%G", 1e-10))        -- expect: 1E-10
print(string.format("%#.3g", 1.0))       -- expect: 1.00
print(string.format("%+.1f", 0.05))      -- expect: +0.1
print(string.format("%010.3f", -3.14159)) -- expect: -00003.142
print(string.format("%.0f", 2.5))        -- expect: 2
print(string.format("%5.1f", 1/0))       -- expect:   inf
print(string.format("%f", 3))            -- expect: 3.000000
