-- tostring of numbers.
print(tostring(10))       -- expect: 10
print(tostring(10.0))     -- expect: 10.0
print(tostring(-0.0))     -- expect: -0.0
print(tostring(1e300 * 1e10)) -- expect: inf
print(tostring(2^24))     -- expect: 16777216.0
print(tostring(math.mininteger)) -- expect: -9223372036854775808
print(#tostring(12345))   -- expect: 5
