-- Many elseif branches.
local function name(n)
  if n == 1 then return "one"
  elseif n == 2 then return "two"
  elseif n == 3 then return "three"
  elseif n == 4 then return "four"
  elseif n == 5 then return "five"
  else return "many" end
end
local out = {}
for i = 1, 6 do out[i] = name(i) end
print(table.concat(out, " ")) -- expect: one two three four five many
