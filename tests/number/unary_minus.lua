-- Unary minus keeps the subtype; negating zero.
print(-(1), -(1.5))   -- expect: -1	-1.5
print(-0, -0.0)       -- expect: 0	-0.0
print(- -2)           -- expect: 2
print(0.0 == -0.0)    -- expect: true
