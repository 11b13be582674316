-- Indexing a string with a non-method key gives nil via the string metatable.
local s = "abc"
print(s.len == string.len) -- expect: true
print(s.nothing)           -- expect: nil
print(("x").upper("y"))    -- expect: Y
