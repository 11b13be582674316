-- string.unpack's position argument (negative counts from the end) and the next position it returns
local s = string.pack("i2 i2 i2", 10, 20, 30)
print(string.unpack("i2", s))                               -- expect: 10	3
print(string.unpack("i2", s, 3))                            -- expect: 20	5
print(string.unpack("i2", s, -2))                           -- expect: 30	7
print(string.unpack("i2", s, -100))                         -- expect: 10	3
print(string.unpack("i2", s, 0))                            -- expect: 10	3
print(string.unpack("", s, 7))                              -- expect: 7
print(string.unpack("i2 i2", s, 3))                         -- expect: 20	30	7
print(pcall(string.unpack, "i2", s, 8))                     -- expect: false	bad argument #3 to 'string.unpack' (initial position out of string)
print(pcall(string.unpack, "i2", s, 6))                     -- expect: false	bad argument #2 to 'string.unpack' (data string too short)
print(pcall(string.unpack, "!4 b i4", "\1\0\0\0\2\0\0"))    -- expect: false	bad argument #2 to 'string.unpack' (data string too short)
local pos, t = 1, {}
while pos <= #s do t[#t + 1], pos = string.unpack("i2", s, pos) end
print(table.concat(t, " "), pos)                            -- expect: 10 20 30	7
print(select("#", string.unpack("b b b x", "abcd")))        -- expect: 4
