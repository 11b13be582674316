-- A loop with two entries (an irreducible control flow graph): both labels are jumped to from outside.
local function run(start)
  local out, n = {}, 0
  if start == "b" then goto b end
  ::a::
  n = n + 1
  out[#out + 1] = "a" .. n
  ::b::
  n = n + 1
  out[#out + 1] = "b" .. n
  if n < 5 then goto a end
  return table.concat(out, " ")
end
print(run("a")) -- expect: a1 b2 a3 b4 a5 b6
print(run("b")) -- expect: b1 a2 b3 a4 b5
