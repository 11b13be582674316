-- Float division by zero gives inf, -inf or nan; '/' always divides as floats.
print(1 / 0)         -- expect: inf
print(-1 / 0)        -- expect: -inf
print(0 / 0)         -- expect: -nan
print(-(0 / 0))      -- expect: nan
print(1 / -0.0)      -- expect: -inf
print(1.0 // 0)      -- expect: inf
print(math.huge, -math.huge) -- expect: inf	-inf
local nan = 0 / 0
print(nan ~= nan)    -- expect: true
print(nan == nan)    -- expect: false
