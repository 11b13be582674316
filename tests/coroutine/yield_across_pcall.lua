-- A coroutine yields from inside pcall and xpcall; when resumed, errors are still caught by them.
local co = coroutine.wrap(function()
  local ok, err = pcall(function()
    local v = coroutine.yield("in pcall")
    error("after " .. v, 0)
  end)
  coroutine.yield(ok, err)
  print(xpcall(function()
    local v = coroutine.yield("in xpcall")
    error({v})
  end, function(e) return "handled " .. e[1] end))
  return pcall(pcall, pcall, coroutine.yield, "deep")
end)
print(co())             -- expect: in pcall
print(co("resume"))     -- expect: false	after resume
print(co())             -- expect: in xpcall
print(co("x"))          -- expect: false	handled x
-- expect: deep
print(co("back"))       -- expect: true	true	true	back
local f = coroutine.wrap(function(...)
  local t = {pcall(pcall, pcall, pcall, error, "hi")}
  return table.unpack(t)
end)
print(f())              -- expect: true	true	true	false	hi
