-- Errors while loading a module propagate; a missing module is an error.
package.path = "tests/fixtures/?.lua"
package.cpath = ""
print(pcall(require, "mod_error")) -- expect: false	tests/fixtures/mod_error.lua:2: module failed to load
local ok, e = pcall(require, "no_such_module")
print(ok, (e:match("^[^\n]*")))    -- expect: false	module 'no_such_module' not found:
