-- require loads a module once and caches it in package.loaded.
package.path = "tests/fixtures/?.lua;" .. package.path
local m = require("mod_counter")
print(m.name, m.double(21), LOADS)           -- expect: mod_counter	42	1
local again = require("mod_counter")
print(again == m, LOADS)                     -- expect: true	1
print(package.loaded.mod_counter == m)       -- expect: true
package.loaded.mod_counter = nil
local fresh = require("mod_counter")
print(fresh == m, LOADS)                     -- expect: false	2
