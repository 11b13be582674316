-- A generic for's iterator is named "for iterator 'for iterator'".
local function iter(s, i)
  if i == 2 then error("iter fails") end
  return i + 1
end
for i in iter, nil, 0 do end
-- expect stderr: tests/traceback/for_iterator.lua:3: iter fails
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	tests/traceback/for_iterator.lua:3: in for iterator 'for iterator'
-- expect stderr: 	tests/traceback/for_iterator.lua:6: in main chunk
-- expect stderr: 	[C]: in ?
