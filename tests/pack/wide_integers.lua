-- integers of 9 to 16 bytes: pack extends the sign, unpack checks the extra bytes
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<i16", -2)))                         -- expect: feffffffffffffffffffffffffffffff
print(hex(string.pack(">i12", 258)))                        -- expect: 000000000000000000000102
print(hex(string.pack("<I16", -1)))                         -- expect: ffffffffffffffff0000000000000000
print(string.unpack("<i16", string.pack("<i16", math.mininteger))) -- expect: -9223372036854775808	17
print(string.unpack(">I9", string.pack(">I9", math.maxinteger))) -- expect: 9223372036854775807	10
print(pcall(string.unpack, "<i9", "\0\0\0\0\0\0\0\0\1"))    -- expect: false	9-byte integer does not fit into Lua Integer
print(pcall(string.unpack, "<I16", string.pack("<i16", -1))) -- expect: false	16-byte integer does not fit into Lua Integer
print(pcall(string.unpack, ">i10", "\xff\xfe" .. string.rep("\xff", 8))) -- expect: false	10-byte integer does not fit into Lua Integer
print(string.unpack("<i10", string.rep("\xff", 10)))        -- expect: -1	11
