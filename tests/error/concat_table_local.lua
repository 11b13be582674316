-- Concatenating a table names the operand.
local t = {}
print(pcall(function() return "a" .. {} end)) -- expect: false	tests/error/concat_table_local.lua:3: attempt to concatenate a table value
print(pcall(function() local n = nil; return n .. "x" end)) -- expect: false	tests/error/concat_table_local.lua:4: attempt to concatenate a nil value (local 'n')
local s = "x" .. t -- expect error: :5: attempt to concatenate a table value (local 't')
