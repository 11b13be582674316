-- wrong argument types and missing arguments name the function as lua5.4 does
print(pcall(string.pack))                                   -- expect: false	bad argument #1 to 'string.pack' (string expected, got no value)
print(pcall(string.pack, "i4"))                             -- expect: false	bad argument #2 to 'string.pack' (number expected, got nil)
print(pcall(string.pack, "i4 i4", 1))                       -- expect: false	bad argument #3 to 'string.pack' (number expected, got nil)
print(pcall(string.pack, "z", nil))                         -- expect: false	bad argument #2 to 'string.pack' (string expected, got nil)
print(pcall(string.unpack, "i4"))                           -- expect: false	bad argument #2 to 'string.unpack' (string expected, got no value)
print(pcall(string.unpack, "i4", "abcd", "x"))              -- expect: false	bad argument #3 to 'string.unpack' (number expected, got string)
print(pcall(string.unpack, {}, "abcd"))                     -- expect: false	bad argument #1 to 'string.unpack' (string expected, got table)
print(pcall(string.packsize, 1))                            -- expect: false	invalid format option '1'
print(("i4"):pack(5):len())                                 -- expect: 4
local ok, e = pcall(function() return ("i2"):pack({}) end)
print((e:gsub("^.-:%d+: ", "")))                           -- expect: bad argument #1 to 'pack' (number expected, got table)
