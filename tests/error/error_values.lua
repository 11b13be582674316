-- error accepts any value; non-strings get no position.
print(pcall(error))                          -- expect: false	nil
print(pcall(error, nil))                     -- expect: false	nil
print(pcall(error, 42))                      -- expect: false	42
print(pcall(function() error(3.5) end))      -- expect: false	3.5
print(pcall(function() error(true) end))     -- expect: false	true
local e = {code = 7}
local ok, got = pcall(function() error(e) end)
print(ok, got == e, got.code)                -- expect: false	true	7
