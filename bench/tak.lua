-- tak: the Takeuchi function; three-argument recursion with nested calls.
-- Size: number of repetitions of tak(18, 12, z) with z alternating between 6 and 8.

local function tak(x, y, z)
  if y >= x then return z end
  return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
end

local reps = tonumber(arg and arg[1]) or 3000
local total = 0
for i = 1, reps do
  total = total + tak(18, 12, 6 + (i % 2) * 2)
end
print(total)
