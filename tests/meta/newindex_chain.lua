-- __newindex chains through tables that themselves have __newindex.
local final = {}
local mid = setmetatable({}, {__newindex = final})
local top = setmetatable({}, {__newindex = mid})
top.x = 1
print(rawget(top, "x"), rawget(mid, "x"), final.x) -- expect: nil	nil	1
