-- Library functions report bad arguments with the function name and expected type.
print(pcall(function() table.insert(nil, 1) end)) -- expect: false	tests/error/bad_argument_lib.lua:2: bad argument #1 to 'insert' (table expected, got nil)
print(pcall(function() return ("x"):rep() end))   -- expect: false	tests/error/bad_argument_lib.lua:3: bad argument #1 to 'rep' (number expected, got no value)
print(pcall(function() return string.rep() end))  -- expect: false	tests/error/bad_argument_lib.lua:4: bad argument #1 to 'rep' (string expected, got no value)
print(pcall(function() return math.floor("a") end)) -- expect: false	tests/error/bad_argument_lib.lua:5: bad argument #1 to 'floor' (number expected, got string)
print(pcall(function() return setmetatable(1) end)) -- expect: false	tests/error/bad_argument_lib.lua:6: bad argument #1 to 'setmetatable' (table expected, got number)
print(pcall(function() return ipairs() end))      -- expect: false	tests/error/bad_argument_lib.lua:7: bad argument #1 to 'ipairs' (value expected)
string.sub() -- expect error: :8: bad argument #1 to 'sub' (string expected, got no value)
