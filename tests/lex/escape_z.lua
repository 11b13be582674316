-- \z skips the following whitespace, including newlines.
print("a\z
      b")                    -- expect: ab
print("x\z    y")            -- expect: xy
print("p\zq")                -- expect: pq
