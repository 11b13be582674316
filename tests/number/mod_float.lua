-- Float modulo takes the sign of the divisor too.
print(5.5 % 2)     -- expect: 1.5
print(-5.5 % 2)    -- expect: 0.5
print(5.5 % -2)    -- expect: -0.5
print(-2.0 % 2)    -- expect: -0.0
print(2.0 % -2)    -- expect: 0.0
print(1 % math.huge)   -- expect: 1.0
print(-1 % math.huge)  -- expect: inf
print(5 % 0.0)     -- expect: -nan
print(math.huge % 2) -- expect: -nan
