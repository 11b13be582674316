-- Hexadecimal integer literals wrap around modulo 2^64.
print(0xffffffffffffffff)          -- expect: -1
print(0xffffffffffffffff == -1)    -- expect: true
print(0x7fffffffffffffff)          -- expect: 9223372036854775807
print(0x8000000000000000)          -- expect: -9223372036854775808
print(0x10000000000000000)         -- expect: 0
print(0x1ffffffffffffffff)         -- expect: -1
print(0XaBcD)                      -- expect: 43981
