-- Comparisons between integers and floats are exact, not done by converting to float.
print(1 == 1.0)                    -- expect: true
print(2^53 == 2^53 + 1)            -- expect: true
print(math.maxinteger < 2^63)      -- expect: true
print(math.maxinteger + 0.0 == 2^63) -- expect: true
print(math.maxinteger == 2^63)     -- expect: false
print(math.mininteger == -2^63)    -- expect: true
print((1 << 53) + 1 == 2^53)       -- expect: false
print((1 << 53) + 1 > 2^53)        -- expect: true
print(math.maxinteger < math.huge) -- expect: true
print(math.mininteger > -math.huge) -- expect: true
print(1 < 0/0, 1 > 0/0)            -- expect: false	false
print(3 <= 3.0, 3 >= 3.5)          -- expect: true	false
