-- io.write rejects values other than strings and numbers.
print(pcall(function() io.write({}) end)) -- expect: false	tests/stdlib/io_write_error.lua:2: bad argument #1 to 'write' (string expected, got table)
print(pcall(io.write, true))              -- expect: false	bad argument #1 to 'io.write' (string expected, got boolean)
