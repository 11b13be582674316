-- A stack overflow inside the message handler of a stack overflow was reported as "stack overflow"; lua5.4
-- gives "error in error handling" (LUA_ERRERR: the handler already runs on the extra stack). The handler of an
-- ordinary error has the ordinary stack: an overflow there is a "stack overflow".
print(xpcall(error, error))   -- expect: false	error in error handling
print(xpcall(error, function(m) return m end))   -- expect: false	nil
local function loop() return 1 + loop() end
print(xpcall(loop, function(m) return select(2, pcall(loop)) end))   -- expect: false	error in error handling
print(xpcall(loop, function(m) return loop() end))                   -- expect: false	error in error handling
print(xpcall(loop, function(m) return (m:gsub("^.*: ", "")) end))    -- expect: false	stack overflow
print(xpcall(function() error("x") end, function(m) return select(2, pcall(loop)) end))
-- expect: false	tests/error/stack_overflow_in_handler.lua:6: stack overflow
local res, msg = xpcall(loop, function(m)
  assert(string.find(m, "stack overflow"))
  local ok, e = pcall(loop)
  assert(not ok and string.find(e, "error handling"))
  return 15
end)
print(res, msg)                                                      -- expect: false	15
print(pcall(loop))   -- expect: false	tests/error/stack_overflow_in_handler.lua:6: stack overflow
