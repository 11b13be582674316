-- A backslash followed by a real newline puts a newline in the string.
local s = "one\
two"
print(#s)            -- expect: 7
print((s:gsub("\n", "/"))) -- expect: one/two
