-- __name appears in argument errors from the standard library.
local t = setmetatable({}, {__name = "MyType"})
print(pcall(function() return math.floor(t) end)) -- expect: false	tests/meta/name_in_error.lua:3: bad argument #1 to 'floor' (number expected, got MyType)
