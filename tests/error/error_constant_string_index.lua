-- Errors naming a string constant operand.
print(pcall(function() return ("x").y.z end)) -- expect: false	tests/error/error_constant_string_index.lua:2: attempt to index a nil value (field 'y')
print(pcall(function() return nil .. "a" end)) -- expect: false	tests/error/error_constant_string_index.lua:3: attempt to concatenate a nil value
