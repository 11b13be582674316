-- string.format integer conversions with flags, widths and precisions.
print(string.format("%d|%i|%u", 42, -7, 3))  -- expect: 42|-7|3
print(string.format("[%5d][%-5d][%05d]", 42, 42, 42)) -- expect: [   42][42   ][00042]
print(string.format("[%+d][% d][%+d]", 5, 5, -5)) -- expect: [+5][ 5][-5]
print(string.format("%.3d", 7))              -- expect: 007
print(string.format("%x %X %o", 255, 255, 8)) -- expect: ff FF 10
print(string.format("%#x %#o", 255, 8))      -- expect: 0xff 010
print(string.format("%x", -1))               -- expect: ffffffffffffffff
print(string.format("%d", 3.0))              -- expect: 3
print(string.format("%d", "12"))             -- expect: 12
print(string.format("%5.2s|", "abc"))        -- expect:    ab|
