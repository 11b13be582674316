-- Short strings are interned: a key built at run time finds the entry stored under an equal string built
-- earlier, also after collections have freed many other short strings (the intern table is weak).
local t = {}
for i = 1, 20000 do t["k" .. i] = i end
for r = 1, 3 do
  for i = 1, 60000 do local junk = "j" .. i .. "x" end
  collectgarbage()
end
local s, n = 0, 0
for i = 1, 20000 do
  local v = t["k" .. i]
  if v then s = s + v; n = n + 1 end
end
print(n, s)                                   -- expect: 20000	200010000
local a = "ab" .. ("c"):rep(1)
collectgarbage()
print(a == "abc", a == ("a" .. "bc"))         -- expect: true	true
local long1 = ("x"):rep(100) .. "end"
local long2 = ("x"):rep(99) .. "xend"
t[long1] = "long"
print(t[long2], long1 == long2)               -- expect: long	true
