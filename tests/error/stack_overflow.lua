-- Unbounded non-tail recursion ends in a catchable "stack overflow" error.
local function f(n) return 1 + f(n + 1) end
local ok, msg = pcall(f, 1)
print(ok, string.find(msg, "stack overflow", 1, true) ~= nil) -- expect: false	true
print("still running") -- expect: still running
local ok2, msg2 = pcall(f, 1)
print(ok2, string.find(msg2, "stack overflow", 1, true) ~= nil) -- expect: false	true
