-- string options: s[n] (length prefix), z (zero-terminated), c[n] (fixed size)
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<s1", "ab")))                        -- expect: 026162
print(hex(string.pack(">s2", "abc")))                       -- expect: 0003616263
print(hex(string.pack("s", "x")))                           -- expect: 010000000000000078
print(hex(string.pack("z", "hi")))                          -- expect: 686900
print(hex(string.pack("c5", "abc")))                        -- expect: 6162630000
print(string.unpack("s1 z c3", string.pack("s1 z c3", "one", "two", "six"))) -- expect: one	two	six	12
print(string.unpack("c0", "abc"))                           -- expect: 	1
print(pcall(string.pack, "s1", string.rep("x", 256)))       -- expect: false	bad argument #2 to 'string.pack' (string length does not fit in given size)
print(pcall(string.pack, "z", "a\0b"))                      -- expect: false	bad argument #2 to 'string.pack' (string contains zeros)
print(pcall(string.pack, "c2", "abc"))                      -- expect: false	bad argument #2 to 'string.pack' (string longer than given size)
print(pcall(string.unpack, "s1", "\5abc"))                  -- expect: false	bad argument #2 to 'string.unpack' (data string too short)
print(pcall(string.unpack, "z", "abc"))                     -- expect: false	bad argument #2 to 'string.unpack' (unfinished string for format 'z')
print(pcall(string.unpack, "c4", "abc"))                    -- expect: false	bad argument #2 to 'string.unpack' (data string too short)
print(pcall(string.pack, "c"))                              -- expect: false	missing size for format option 'c'
print(#string.pack("s16", "ab"))                            -- expect: 18
