-- The generic for's closing value is closed however the loop ends: its end, break, goto out, return, error.
local function iter(tag, n)
  local i = 0
  local closer = setmetatable({}, {__close = function(_, e) print("closed " .. tag, e) end})
  return function() i = i + 1; if i <= n then return i end end, nil, nil, closer
end
for i in iter("end", 2) do end
for i in iter("break", 5) do if i == 2 then break end end
for i in iter("goto", 5) do if i == 3 then goto out end end
::out::
local function f() for i in iter("return", 5) do if i == 2 then return i * 10 end end end
print(f())
print(pcall(function() for i in iter("error", 5) do error("oops", 0) end end))
-- expect: closed end	nil
-- expect: closed break	nil
-- expect: closed goto	nil
-- expect: closed return	nil
-- expect: 20
-- expect: closed error	oops
-- expect: false	oops
