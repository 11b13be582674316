-- error's level argument chooses which function's position is reported.
local function inner() error("lvl1") end
local function callee() error("lvl2", 2) end
local function caller()
  callee()          -- line 5: level 2 points here
end
print(pcall(inner))   -- expect: false	tests/error/error_level.lua:2: lvl1
print(pcall(caller))  -- expect: false	tests/error/error_level.lua:5: lvl2
print(pcall(function() error("none", 0) end)) -- expect: false	none
