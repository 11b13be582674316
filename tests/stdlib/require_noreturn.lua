-- A module that returns nothing is recorded as true.
package.path = "tests/fixtures/?.lua;" .. package.path
print(require("mod_noreturn"))  -- expect: true	tests/fixtures/mod_noreturn.lua
print(require("mod_noreturn"), NORETURN_LOADED) -- expect: true	1
