-- dofile runs a file and returns all its results.
local a, b, c = dofile("tests/fixtures/dofile_target.lua")
print(a, b, c[1], DOFILE_RAN) -- expect: 1	two	3	true
print(pcall(dofile, "tests/fixtures/does_not_exist.lua")) -- expect: false	cannot open tests/fixtures/does_not_exist.lua: No such file or directory
