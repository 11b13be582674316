-- io.write writes its arguments without separators; numbers use %.14g (no ".0").
io.write("a", 1, " ", 2.5, " ", 3.0, "\n")   -- expect: a1 2.5 3
io.write(1e15, " ", 2^63, "\n")              -- expect: 1e+15 9.2233720368548e+18
io.write()
print(io.write("x") == io.stdout)            -- expect: xtrue
io.stdout:write("method", "\n")              -- expect: method
