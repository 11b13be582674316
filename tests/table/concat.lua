-- table.concat with separator and range; numbers are converted.
local t = {1, "two", 3.5}
print(table.concat(t))           -- expect: 1two3.5
print(table.concat(t, ", "))     -- expect: 1, two, 3.5
print(table.concat(t, "-", 2))   -- expect: two-3.5
print(table.concat(t, "-", 2, 2)) -- expect: two
print(table.concat(t, "-", 3, 2) == "") -- expect: true
print(table.concat({}, "x") == "") -- expect: true
