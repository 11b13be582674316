-- the float options f, d and n
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<f", 1.5)))                          -- expect: 0000c03f
print(hex(string.pack(">d", -0.1)))                         -- expect: bfb999999999999a
print(hex(string.pack("<n", 1/0)))                          -- expect: 000000000000f07f
print(string.unpack("<f", string.pack("<f", 0.1)))          -- expect: 0.10000000149012	5
print(string.unpack(">d", string.pack(">d", math.pi)))      -- expect: 3.1415926535898	9
print(string.unpack("n", string.pack("n", -0.0)))           -- expect: -0.0	9
print(string.unpack("<d", string.pack("<d", 3)))            -- expect: 3.0	9
print(math.type((string.unpack("f", string.pack("f", 2))))) -- expect: float
print(string.unpack("d", string.pack("d", "10")))           -- expect: 10.0	9
print(pcall(string.pack, "d", {}))                          -- expect: false	bad argument #2 to 'string.pack' (number expected, got table)
