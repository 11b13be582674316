-- Errors raised inside metamethods are caught by pcall.
local bad = setmetatable({}, {
  __index = function() error("index failed", 0) end,
  __add = function() error("add failed", 0) end,
  __call = function() error({kind = "call"}) end,
})
print(pcall(function() return bad.x end))   -- expect: false	index failed
print(pcall(function() return bad + 1 end)) -- expect: false	add failed
local ok, e = pcall(bad)
print(ok, e.kind)                           -- expect: false	call
