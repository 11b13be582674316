-- xpcall calls the message handler with the error value and returns its result.
print(xpcall(function() error("bad", 0) end, function(m) return "handled: " .. m end)) -- expect: false	handled: bad
print(xpcall(function(a, b) return a + b end, print, 3, 4)) -- expect: true	7
print(xpcall(error, function(m) return type(m) end, {})) -- expect: false	table
local ok, tb = xpcall(function() local x = nil; return x.y end, debug.traceback)
print(ok, tb:match("^[^\n]*"))  -- expect: false	tests/error/xpcall_handler.lua:5: attempt to index a nil value (local 'x')
print(tb:find("stack traceback:", 1, true) ~= nil) -- expect: true
