-- pcall returns error values untouched; tostring is up to the caller.
local ok, e = pcall(error, setmetatable({}, {__tostring = function() return "E!" end}))
print(ok, tostring(e)) -- expect: false	E!
