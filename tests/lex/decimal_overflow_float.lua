-- A decimal integer literal too large for an integer becomes a float.
print(9223372036854775807)             -- expect: 9223372036854775807
print(math.type(9223372036854775807))  -- expect: integer
print(9223372036854775808)             -- expect: 9.2233720368548e+18
print(math.type(9223372036854775808))  -- expect: float
print(-9223372036854775808)            -- expect: -9.2233720368548e+18
print(100000000000000000000)           -- expect: 1e+20
