-- Float floor division is floor(a / b) and keeps the float subtype.
print(7.5 // 2)    -- expect: 3.0
print(-7.5 // 2)   -- expect: -4.0
print(7 // -2.0)   -- expect: -4.0
print(-0.5 // 1)   -- expect: -1.0
print(1 // 0.0)    -- expect: inf
print(-1 // 0.0)   -- expect: -inf
print(0.0 // 1)    -- expect: 0.0
