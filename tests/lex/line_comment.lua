-- A line comment ends at the newline; '--[' without a second '[' is a line comment.
local x = 1 -- x = 2
--[ x = 3
print(x) -- expect: 1
--[= x = 4
print(x) -- expect: 1
