-- table.sort orders numbers and strings with '<'.
local t = {5, 2, 8, 1, 9, 3}
table.sort(t)
print(table.concat(t, " "))   -- expect: 1 2 3 5 8 9
local s = {"pear", "apple", "fig", "Banana"}
table.sort(s)
print(table.concat(s, " "))   -- expect: Banana apple fig pear
local m = {3, 1.5, 2, -1}
table.sort(m)
print(table.concat(m, " "))   -- expect: -1 1.5 2 3
