-- assert returns all its arguments on success and raises its message on failure.
print(assert(1, 2, 3))                        -- expect: 1	2	3
print(pcall(assert, false))                   -- expect: false	assertion failed!
print(pcall(assert, nil, "custom"))           -- expect: false	custom
local e = {}
print(select(2, pcall(assert, false, e)) == e) -- expect: true
print(pcall(assert))                          -- expect: false	bad argument #1 to 'assert' (value expected)
