-- The C-call limit holds inside coroutines too, counting from the depth of the resume.
local co = coroutine.wrap(function()
  local n = 0
  local function g() n = n + 1; string.gsub("a", ".", g) end
  print(select(2, pcall(g)), n)
  local m = 0
  local t = setmetatable({}, {__index = function(t, k) m = m + 1; return t[k] end})
  print(pcall(function() return t.x end))
  print(m)
end)
co()
-- expect: C stack overflow	196
-- expect: false	tests/coroutine/cstack_in_coroutine.lua:7: C stack overflow
-- expect: 195
