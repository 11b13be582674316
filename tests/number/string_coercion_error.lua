-- A string that does not spell a number fails in arithmetic; the string metamethods word the error.
print(pcall(function() return "abc" + 1 end)) -- expect: false	tests/number/string_coercion_error.lua:2: attempt to add a 'string' with a 'number'
local s = "1x"
print(s * 2) -- expect error: :4: attempt to mul a 'string' with a 'number'
