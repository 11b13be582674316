-- table.insert checks its position and argument count.
local t = {1, 2}
print(pcall(function() table.insert(t, 5, 1) end)) -- expect: false	tests/table/insert_errors.lua:3: bad argument #2 to 'insert' (position out of bounds)
print(pcall(function() table.insert(t, 0, 1) end)) -- expect: false	tests/table/insert_errors.lua:4: bad argument #2 to 'insert' (position out of bounds)
print(pcall(function() table.insert(t, 1, 2, 3) end)) -- expect: false	tests/table/insert_errors.lua:5: wrong number of arguments to 'insert'
print(pcall(function() table.insert(nil, 1) end)) -- expect: false	tests/table/insert_errors.lua:6: bad argument #1 to 'insert' (table expected, got nil)
