-- __newindex as a function is called only for absent keys.
local log = {}
local t = setmetatable({present = 0}, {__newindex = function(tab, k, v)
  log[#log + 1] = k .. "=" .. tostring(v)
  rawset(tab, k, v)
end})
t.present = 1
t.new = 2
t.new = 3
print(table.concat(log, ","), t.present, t.new) -- expect: new=2	1	3
