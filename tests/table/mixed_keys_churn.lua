-- A hash part under churn: 10,000 keys of every kind (short and long strings, integers in and out of the
-- immediate range, floats, booleans, tables), half deleted, re-added and updated; lookups, next() and # agree.
local t, keys = {}, {}
local objs = {}
for i = 1, 10000 do
  local k
  local m = i % 7
  if m == 0 then k = "s" .. i
  elseif m == 1 then k = ("long-key-"):rep(6) .. i
  elseif m == 2 then k = i * 1000003
  elseif m == 3 then k = i + 0.5
  elseif m == 4 then k = (1 << 62) + i
  elseif m == 5 then objs[i] = {}; k = objs[i]
  else k = -i end
  keys[i] = k
  t[k] = i
end
t[true], t[false] = "T", "F"
local function sum()
  local s, n = 0, 0
  for k, v in pairs(t) do
    if type(v) == "number" then s = s + v end
    n = n + 1
  end
  return s, n
end
print(sum())                                   -- expect: 50005000	10002
for i = 1, 10000, 2 do t[keys[i]] = nil end
print(sum())                                   -- expect: 25005000	5002
for i = 1, 10000, 4 do t[keys[i]] = i * 2 end
for i = 2, 10000, 2 do t[keys[i]] = t[keys[i]] + 1 end
print(sum())                                   -- expect: 50005000	7502
local miss = 0
for i = 1, 10000 do
  local want = (i % 2 == 0) and i + 1 or (i % 4 == 1 and i * 2 or nil)
  if t[keys[i]] ~= want then miss = miss + 1 end
end
print(miss, t[true], t[false], t[0.25], t["nope"])   -- expect: 0	T	F	nil	nil
print(t[2000021] == nil, t[2 * 1000003], t[3.5])     -- expect: true	3	nil
for k in pairs(t) do t[k] = nil end
print(next(t), #t)                              -- expect: nil	0
