-- Numbers are converted to strings by concatenation.
print(1 .. 2)             -- expect: 12
print(1.5 .. "")          -- expect: 1.5
print("n=" .. 10)         -- expect: n=10
print("f=" .. 2.0)        -- expect: f=2.0
print(-1 .. -2)           -- expect: -1-2
print(math.type(1 .. 2))  -- expect: nil
print(type(1 .. 2))       -- expect: string
print("a" .. "b" .. "c" .. 1 .. 2) -- expect: abc12
