-- string.packsize: sizes with padding; variable-length options and oversized results are refused
print(string.packsize(""))                                  -- expect: 0
print(string.packsize("i4 i8 b B h H j J T l L f d n"))     -- expect: 78
print(string.packsize("c10 x x i16"))                       -- expect: 28
print(string.packsize("!8 b i8"))                           -- expect: 16
print(pcall(string.packsize, "s"))                          -- expect: false	bad argument #1 to 'string.packsize' (variable-length format)
print(pcall(string.packsize, "i4 z"))                       -- expect: false	bad argument #1 to 'string.packsize' (variable-length format)
print(pcall(string.packsize, "c2147483647"))                -- expect: false	invalid format option '7'
print(pcall(string.packsize, "c2147483647 b"))              -- expect: false	invalid format option '7'
print(pcall(string.packsize, "c1073741824 c1073741824"))    -- expect: false	bad argument #1 to 'string.packsize' (format result too large)
print(pcall(string.packsize))                               -- expect: false	bad argument #1 to 'string.packsize' (string expected, got no value)
