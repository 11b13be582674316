-- Operator precedence and associativity.
print(2^-2)          -- expect: 0.25
print(-2^2)          -- expect: -4.0
print(2^3^2)         -- expect: 512.0
print(not 1 == 2)    -- expect: false
print(not (1 == 2))  -- expect: true
print(1 + 2 * 3 - 4 / 2) -- expect: 5.0
print("a" .. "b" == "ab") -- expect: true
print(1 .. 2 .. 3)   -- expect: 123
print(2 * 3 % 4)     -- expect: 2
print(#"abc" + 1)    -- expect: 4
print(-3 // 2)       -- expect: -2
print(1 << 2 + 1)    -- expect: 8
print(5 & 3 | 8)     -- expect: 9
print(5 ~ 3 & 1)     -- expect: 4
print(1 < 2 == true) -- expect: true
print(3 .. 4 < "4")  -- expect: true
print(-x == nil and "nil" or "x") -- expect error: :18: attempt to perform arithmetic on a nil value (global 'x')
