-- Strings are 8-bit clean: a zero byte is an ordinary character.
local s = "a\0b\0c"
print(#s)                         -- expect: 5
print(string.len(s))              -- expect: 5
print(s:byte(2), s:byte(4))       -- expect: 0	0
print((s:gsub("%z", "0")))        -- expect: a0b0c
print(s == "a\0b\0c", s == "a\0b") -- expect: true	false
print("a\0b" < "a\0c")            -- expect: true
print(#(s .. s))                  -- expect: 10
print(s:sub(3) == "b\0c")         -- expect: true
local t = {}
t[s] = 1
print(t["a\0b\0c"], t["a"])       -- expect: 1	nil
