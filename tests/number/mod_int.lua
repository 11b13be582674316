-- Integer modulo takes the sign of the divisor.
print(7 % 3)      -- expect: 1
print(-7 % 3)     -- expect: 2
print(7 % -3)     -- expect: -2
print(-7 % -3)    -- expect: -1
print(6 % -3)     -- expect: 0
print(math.mininteger % -1) -- expect: 0
print(math.maxinteger % 2)  -- expect: 1
