-- Float modulo with both operands negative added the divisor once too often (-4.0 % -5.0 gave -9.0): fmod's
-- result only needs correcting when it is nonzero and its sign differs from the divisor's.
local a, b = -4.0, -5.0
print(a % b)              -- expect: -4.0
print(-5.5 % -2.0)        -- expect: -1.5
print(-1 % -math.huge)    -- expect: -1.0
print(-1.0 % -1.0)        -- expect: -0.0
print(-0.0 % -5.0)        -- expect: -0.0
print(0.0 % -5.0)         -- expect: 0.0
print(-4.0 % 5.0)         -- expect: 1.0
print(4.0 % -5.0)         -- expect: -1.0
print(1 % -math.huge)     -- expect: -inf
print(-math.huge % -2.0 ~= -math.huge % -2.0)  -- expect: true
print(-1 % -2^53)         -- expect: -1.0
local x, y = -7.25, -2
print(x % y, x % y == x - math.floor(x / y) * y)  -- expect: -1.25	true
