-- A custom stateless iterator and a stateful closure iterator.
local function iter(limit, i)
  if i < limit then return i + 1, (i + 1) * (i + 1) end
end
for i, sq in iter, 4, 0 do io.write(i, "=", sq, " ") end print("|") -- expect: 1=1 2=4 3=9 4=16 |
local function chars(s)
  local pos = 0
  return function()
    pos = pos + 1
    if pos <= #s then return s:sub(pos, pos) end
  end
end
for c in chars("abc") do io.write(c, ".") end print() -- expect: a.b.c.
