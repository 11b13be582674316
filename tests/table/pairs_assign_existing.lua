-- Assigning to existing fields (including clearing them) during traversal is allowed.
local t = {}
for i = 1, 10 do t["k" .. i] = i end
local sum = 0
for k, v in pairs(t) do
  sum = sum + v
  t[k] = nil
end
print(sum, next(t)) -- expect: 55	nil
