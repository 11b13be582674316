-- // and / on integers.
print(10 // 3, 10 / 2, 10 % 3) -- expect: 3	5.0	1
print(-10 // 3)                -- expect: -4
print(1 // 1)                  -- expect: 1
