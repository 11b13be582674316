-- Runtime errors report the line of the failing expression inside multi-line functions.
local function f(t)
  local a = 1
  local b = 2
  return t.x.y
end
print(pcall(f, {})) -- expect: false	tests/error/error_position_in_function.lua:5: attempt to index a nil value (field 'x')
