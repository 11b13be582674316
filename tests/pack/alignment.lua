-- '!' sets the maximum alignment; options align to min(size, maximum); 'X' aligns to the next option
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("!4 b i4", 1, 2)))                    -- expect: 0100000002000000
print(hex(string.pack("!2 b i8", 1, 2)))                    -- expect: 01000200000000000000
print(hex(string.pack("! b d", 1, 0)))                      -- expect: 01000000000000000000000000000000
print(hex(string.pack("!8 b Xi4 b", 1, 2)))                 -- expect: 0100000002
print(hex(string.pack("b c3 !4 i4", 1, "abc", 9)))          -- expect: 0161626309000000
print(hex(string.pack("!4 b s2", 1, "z")))                  -- expect: 010001007a
print(string.packsize("!8 b Xd"))                           -- expect: 8
print(pcall(string.packsize, "!4 i3 i3"))                   -- expect: false	bad argument #1 to 'string.packsize' (format asks for alignment not power of 2)
print(string.unpack("!4 b i4", string.pack("!4 b i4", 7, 8))) -- expect: 7	8	9
print(pcall(string.pack, "!4 b X i4", 1, 2))                -- expect: false	bad argument #1 to 'string.pack' (invalid next option for option 'X')
print(pcall(string.pack, "!4 Xc1"))                         -- expect: false	bad argument #1 to 'string.pack' (invalid next option for option 'X')
print(pcall(string.pack, "X"))                              -- expect: false	bad argument #1 to 'string.pack' (invalid next option for option 'X')
print(pcall(string.pack, "!4 i3", 1))                       -- expect: false	bad argument #1 to 'string.pack' (format asks for alignment not power of 2)
print(pcall(string.pack, "!3 i4", 1))                       -- expect: false	bad argument #1 to 'string.pack' (format asks for alignment not power of 2)
