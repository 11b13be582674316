-- malformed formats: unknown options, sizes out of limits, 'c' without a size
print(pcall(string.pack, "y", 1))                           -- expect: false	invalid format option 'y'
print(pcall(string.unpack, "i17", ""))                      -- expect: false	integral size (17) out of limits [1,16]
print(pcall(string.packsize, "i0"))                         -- expect: false	integral size (0) out of limits [1,16]
print(pcall(string.pack, "!17"))                            -- expect: false	integral size (17) out of limits [1,16]
print(pcall(string.pack, "c", "a"))                         -- expect: false	missing size for format option 'c'
print(pcall(string.pack, "s0", "a"))                        -- expect: false	integral size (0) out of limits [1,16]
print(pcall(string.packsize, "I99999999999"))               -- expect: false	integral size (999999999) out of limits [1,16]
print(pcall(string.unpack, "\0", ""))                       -- expect: true	1
print(string.pack("  < > = "))                              -- expect:
