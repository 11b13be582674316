-- Booleans, nil and tables cannot be concatenated.
print(pcall(function() return "a" .. true end)) -- expect: false	tests/string/concat_error.lua:2: attempt to concatenate a boolean value
local t = {}
print("x" .. t) -- expect error: :4: attempt to concatenate a table value (local 't')
