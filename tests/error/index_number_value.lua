-- Indexing numbers and booleans is an error too.
local n = 5
print(pcall(function() return n.x end)) -- expect: false	tests/error/index_number_value.lua:3: attempt to index a number value (upvalue 'n')
local b = true
b.x = 1 -- expect error: :5: attempt to index a boolean value (local 'b')
