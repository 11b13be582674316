-- __index as a table supplies missing keys, chained over several levels.
local base = {a = "base a", b = "base b", c = "base c"}
local mid = setmetatable({b = "mid b"}, {__index = base})
local top = setmetatable({c = "top c"}, {__index = mid})
print(top.a, top.b, top.c)    -- expect: base a	mid b	top c
print(top.d)                  -- expect: nil
print(rawget(top, "a"))       -- expect: nil
