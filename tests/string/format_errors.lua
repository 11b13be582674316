-- Errors from string.format (called directly, so the message names it 'format').
print(pcall(function() return string.format("%d") end))     -- expect: false	tests/string/format_errors.lua:2: bad argument #2 to 'format' (no value)
print(pcall(function() return string.format("%y", 1) end))  -- expect: false	tests/string/format_errors.lua:3: invalid conversion '%y' to 'format'
print(pcall(function() return string.format("%q", {}) end)) -- expect: false	tests/string/format_errors.lua:4: bad argument #2 to 'format' (value has no literal form)
