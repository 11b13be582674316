-- Sorting values that cannot be compared is an error.
print(pcall(table.sort, {{}, {}, {}})) -- expect: false	attempt to compare two table values
