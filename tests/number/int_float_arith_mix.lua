-- Mixing an integer and a float gives a float; large integers lose precision when converted.
print(math.maxinteger + 0.0)     -- expect: 9.2233720368548e+18
print(2^53 + 1)                  -- expect: 9.007199254741e+15
print((2^53 + 1) == 2^53)        -- expect: true
print(5 - 2.5, 5 * 0.5)          -- expect: 2.5	2.5
print(math.type(10 // 2.0))      -- expect: float
