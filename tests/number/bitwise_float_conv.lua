-- Bitwise operators convert floats with an exact integer value to integers.
print(3.0 | 0)        -- expect: 3
print(2^62 | 0)       -- expect: 4611686018427387904
print(-1.0 ~ 0)       -- expect: -1
print(math.type(1.0 << 1)) -- expect: integer
print(~5.0)           -- expect: -6
