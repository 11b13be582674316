-- Upvalues reach through several levels of nesting.
local function outer()
  local a = 1
  return function()
    local b = 10
    return function()
      a = a + 1
      return a + b
    end
  end
end
local inner = outer()()
print(inner(), inner()) -- expect: 12	13
