-- The length of strings.
print(#"", #"a", #"hello world") -- expect: 0	1	11
local s = "abc"
print(#s * 2, #(s .. s))         -- expect: 6	6
