-- __name (a string) replaces the type name in runtime error messages about the value.
local p = setmetatable({}, {__name = "Point"})
print(pcall(function() return p + 1 end)) -- expect: false	tests/meta/name_in_runtime_error.lua:3: attempt to perform arithmetic on a Point value (upvalue 'p')
p() -- expect error: :4: attempt to call a Point value (local 'p')
