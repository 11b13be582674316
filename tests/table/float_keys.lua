-- Float keys with an integer value are the same key as the integer.
local t = {}
t[1.0] = "one"
print(t[1])            -- expect: one
t[2] = "two"
print(t[2.0])          -- expect: two
print(#t)              -- expect: 2
t[1.5] = "half"
print(t[1.5], t[1])    -- expect: half	one
t[2^53] = "big"
print(t[1 << 53])      -- expect: big
for k in pairs({[3.0] = true}) do print(math.type(k)) end -- expect: integer
t[-0.0] = "zero"
print(t[0])            -- expect: zero
