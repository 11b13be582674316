-- Bitwise operators on integers.
print(0xF0 & 0x3C, 0xF0 | 0x0F, 0xF0 ~ 0xFF) -- expect: 48	255	15
print(~0, ~5)                 -- expect: -1	-6
print(1 << 4, 256 >> 4)       -- expect: 16	16
print(1 << 63)                -- expect: -9223372036854775808
print(1 << 64, 1 << 100)      -- expect: 0	0
print(-1 >> 1)                -- expect: 9223372036854775807
print(-1 >> 64)               -- expect: 0
print(1 << -1, 2 >> -1)       -- expect: 0	4
print(8 >> -2, 1 << -64)      -- expect: 32	0
print(math.mininteger >> 63)  -- expect: 1
