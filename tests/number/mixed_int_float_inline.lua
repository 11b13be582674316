-- An integer and a float in + - * / < <= take the inline mixed path: exact, as lua5.4 (signed zeros, NaN,
-- integers beyond 2^49, which are boxed, and beyond 2^53, where a double is inexact).
local a, b = 3, 2.5
print(a + b, b + a, a - b, b - a, a * b, b * a, a / b, b / a)  -- expect: 5.5	5.5	0.5	-0.5	7.5	7.5	1.2	0.83333333333333
print(a < b, b < a, a <= b, b <= a, 3 <= 3.0, 3.0 <= 3, 3 < 3.0)  -- expect: false	true	false	true	true	true	false
local z, nz = 0, -0.0
print(nz + z, z + nz, z * -1.5, -1.5 * z, z - 0.0)  -- expect: 0.0	0.0	-0.0	-0.0	0.0
local nan = 0/0
print(1 < nan, nan < 1, 1 <= nan, nan <= 1, 1 + nan ~= 1 + nan)  -- expect: false	false	false	false	true
local big = 1 << 60
print(big + 0.5, big < 2.0^60, big <= 2.0^60)  -- expect: 1.1529215046068e+18	false	true
print((1 << 49) + 1.0, -(1 << 49) - 1.5, math.maxinteger + 0.0)  -- expect: 5.6294995342131e+14	-5.6294995342131e+14	9.2233720368548e+18
print((1 << 53) + 1 < 2.0^53 + 2, (1 << 53) + 1 <= 2.0^53)  -- expect: true	false
for i = 1, 2 do print(i * 0.5, i / 2, i - 0.25, 1.5 < i, 0.5 + i) end
-- expect: 0.5	0.5	0.75	false	1.5
-- expect: 1.0	1.0	1.75	true	2.5
print(math.mininteger < -2.0^63, -2^53 < (1 << 53), 2^53 == (1 << 53))  -- expect: false	true	true
print(pcall(function() return 1 + {} end))  -- expect: false	tests/number/mixed_int_float_inline.lua:18: attempt to perform arithmetic on a table value
