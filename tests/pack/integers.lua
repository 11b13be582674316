-- string.pack/unpack of the fixed-size integer options in both byte orders
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<b B h H", -1, 255, -2, 65535)))     -- expect: fffffeffffff
print(hex(string.pack(">i4 I4", -2, 0xdeadbeef)))           -- expect: fffffffedeadbeef
print(hex(string.pack("<j J T", math.mininteger, -1, 3)))   -- expect: 0000000000000080ffffffffffffffff0300000000000000
print(hex(string.pack(">l L", 1, 2)))                       -- expect: 00000000000000010000000000000002
print(hex(string.pack("=i", 7)))                            -- expect: 07000000
print(string.unpack("<b B h H", string.pack("<b B h H", -1, 255, -2, 65535))) -- expect: -1	255	-2	65535	7
print(string.unpack(">i4 I4", string.pack(">i4 I4", -2, 0xdeadbeef))) -- expect: -2	3735928559	9
print(string.unpack("<j J", string.pack("<j J", math.mininteger, -1))) -- expect: -9223372036854775808	-1	17
print(string.unpack("i3", string.pack("i3", -8388608)))     -- expect: -8388608	4
print(string.unpack("I3", "\xff\xff\xff"))                  -- expect: 16777215	4
print(string.pack("i2", "12") == string.pack("i2", 12))     -- expect: true
print(string.pack("i2", 3.0) == string.pack("i2", 3))       -- expect: true
