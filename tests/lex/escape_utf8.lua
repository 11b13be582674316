-- \u{XXX} encodes a code point as UTF-8, including code points up to 2^31.
print("\u{48}\u{49}")              -- expect: HI
print(("\u{e9}"):byte(1, -1))      -- expect: 195	169
print(("\u{20AC}"):byte(1, -1))    -- expect: 226	130	172
print(("\u{1F600}"):byte(1, -1))   -- expect: 240	159	152	128
print(#"\u{10FFFF}")               -- expect: 4
print(("\u{7FFFFFFF}"):byte(1, -1)) -- expect: 253	191	191	191	191	191
print(#"\u{200000}")               -- expect: 5
print("\u{000041}")                -- expect: A
