-- A generic for's iterator function may yield: the loop goes on where it was when the coroutine resumes.
local function iter(limit, i)
  if i % 2 == 0 then coroutine.yield("pause " .. i) end
  if i < limit then return i + 1 end
end
local co = coroutine.wrap(function()
  local s = 0
  for i in iter, 5, 0 do s = s + i end
  return "sum " .. s
end)
for _ = 1, 4 do print(co()) end
-- expect: pause 0
-- expect: pause 2
-- expect: pause 4
-- expect: sum 15
