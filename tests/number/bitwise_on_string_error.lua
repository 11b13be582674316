-- Strings are not coerced in bitwise operations (the string metatable has no bitwise metamethods).
print(pcall(function() return "8" | 1 end)) -- expect: false	tests/number/bitwise_on_string_error.lua:2: attempt to perform bitwise operation on a string value (constant '8')
local s = "abc"
print(s | 1) -- expect error: :4: attempt to perform bitwise operation on a string value (local 's')
