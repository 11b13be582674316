-- table.concat rejects values that are not strings or numbers.
print(pcall(function() return table.concat({{}}) end)) -- expect: false	tests/table/concat_error.lua:2: invalid value (table) at index 1 in table for 'concat'
table.concat({1, 2, true}, ",") -- expect error: :3: invalid value (boolean) at index 3 in table for 'concat'
