-- Ordering values of different or unorderable types is an error.
print(pcall(function() return 1 < nil end))   -- expect: false	tests/error/compare_errors.lua:2: attempt to compare number with nil
print(pcall(function() return {} < {} end))   -- expect: false	tests/error/compare_errors.lua:3: attempt to compare two table values
print(pcall(function() return "a" >= 1 end))  -- expect: false	tests/error/compare_errors.lua:4: attempt to compare number with string
print(pcall(function() return true < false end)) -- expect: false	tests/error/compare_errors.lua:5: attempt to compare two boolean values
print(pcall(function() return {} <= 1 end))   -- expect: false	tests/error/compare_errors.lua:6: attempt to compare table with number
local x = nil
print(x > 1) -- expect error: :8: attempt to compare number with nil
