-- __name is used by tostring when there is no __tostring.
local t = setmetatable({}, {__name = "MyType"})
print((tostring(t):gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR"))) -- expect: MyType: ADDR
