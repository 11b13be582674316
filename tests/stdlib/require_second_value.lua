-- require returns the loader data (the file name) as a second value.
package.path = "tests/fixtures/?.lua;" .. package.path
local m, where = require("mod_counter")
print(type(m), where)  -- expect: table	tests/fixtures/mod_counter.lua
