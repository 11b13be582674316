-- Regression: a literal `require ""` crashed the compiler while it looked for modules to bundle (the module's
-- file name was built from an empty, never-allocated buffer). It must compile and fail at run time as in lua5.4.
print((pcall(function() return require "" end))) -- expect: false
print(select(2, pcall(function() return require "" end)):match("^[^\n]*")) -- expect: tests/stdlib/require_empty_literal.lua:4: module '' not found:
