-- A library function called through a local is named after the local.
local ins = table.insert
print(pcall(function() ins(nil, 1) end)) -- expect: false	tests/error/bad_argument_local_alias.lua:3: bad argument #1 to 'ins' (table expected, got nil)
