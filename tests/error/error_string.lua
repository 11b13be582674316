-- error with a string adds the position of the caller of error.
print(pcall(error, "plain"))                 -- expect: false	plain
print(pcall(function() error("msg") end))    -- expect: false	tests/error/error_string.lua:3: msg
