-- range checks of integer options narrower than a Lua integer
local function try(...) local ok, r = pcall(string.pack, ...) print(ok, ok and #r or r) end
try("i1", 128)                                              -- expect: false	bad argument #2 to 'string.pack' (integer overflow)
try("i1", -129)                                             -- expect: false	bad argument #2 to 'string.pack' (integer overflow)
try("b", -128)                                              -- expect: true	1
try("B", 256)                                               -- expect: false	bad argument #2 to 'string.pack' (unsigned overflow)
try("B", -1)                                                -- expect: false	bad argument #2 to 'string.pack' (unsigned overflow)
try("I2", 65536)                                            -- expect: false	bad argument #2 to 'string.pack' (unsigned overflow)
try("xxi7", 1 << 55)                                        -- expect: false	bad argument #2 to 'string.pack' (integer overflow)
try("i7", -(1 << 55))                                       -- expect: true	7
try("i2", 1.5)                                              -- expect: false	bad argument #2 to 'string.pack' (number has no integer representation)
try("i2", "x")                                              -- expect: false	bad argument #2 to 'string.pack' (number expected, got string)
try("i8", 2^63)                                             -- expect: false	bad argument #2 to 'string.pack' (number has no integer representation)
