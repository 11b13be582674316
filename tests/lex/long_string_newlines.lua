-- Newlines inside a long string are kept; CR LF pairs would be normalised (not tested here).
local s = [[a

b]]
print(#s)                   -- expect: 4
print((s:gsub("\n", "|")))  -- expect: a||b
