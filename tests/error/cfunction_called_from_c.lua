-- An error in a library function that another library function called (table.sort calling table.sort as its
-- comparator) had the Lua caller's position and the short name; lua5.4 gives no position (the caller is C)
-- and the qualified name.
print(pcall(function() table.sort({1, 2, 3}, table.sort) end))
-- expect: false	bad argument #1 to 'table.sort' (table expected, got number)
print(pcall(function() return string.gsub("x", "x", string.rep) end))
-- expect: false	bad argument #2 to 'string.rep' (number expected, got no value)
-- error(msg, 2) in a function that C called: level 2 is the C function, so no position
print(pcall(function() table.sort({3, 2, 1}, function(a, b) error("lvl2", 2) end) end))  -- expect: false	lvl2
print(pcall(function() return ("abc"):gsub("%w", function(c) error("in repl", 2) end) end))  -- expect: false	in repl
-- a Lua comparator calling a library function: the Lua caller gives position and short name
print(pcall(function() table.sort({3, 2, 1}, function(a, b) return math.floor("x") end) end))
-- expect: false	tests/error/cfunction_called_from_c.lua:12: bad argument #1 to 'floor' (number expected, got string)
print(pcall(function() table.sort({3, 2, 1}, function(a, b) error("lvl1") end) end))
-- expect: false	tests/error/cfunction_called_from_c.lua:14: lvl1
