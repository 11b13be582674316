-- A coroutine can be resumed from a place where its resumer itself could not yield (a sort comparator, a
-- gsub function): the boundary is the resumer's, the resumed coroutine yields back freely.
local gen = coroutine.wrap(function() for i = 1, 100 do coroutine.yield(i) end end)
local t = {5, 3, 9, 1}
table.sort(t, function(a, b) gen() return a < b end)
print(table.concat(t, " "), gen() > 1)   -- expect: 1 3 5 9	true
local co = coroutine.wrap(function()
  local s = string.gsub("abc", "%w", function(c)
    local inner = coroutine.wrap(function(x) coroutine.yield(x:upper()) end)
    return inner(c)
  end)
  coroutine.yield(s)
  return "end"
end)
print(co(), co())                        -- expect: ABC	end
