-- coroutine.running and coroutine.isyieldable, in the main program and in coroutines.
local main, ismain = coroutine.running()
print(type(main), ismain)                         -- expect: thread	true
print(coroutine.isyieldable(), coroutine.isyieldable(main))   -- expect: false	false
local co
co = coroutine.create(function()
  local me, m = coroutine.running()
  print(me == co, m, coroutine.isyieldable(), coroutine.isyieldable(main))
  coroutine.yield()
end)
print(coroutine.isyieldable(co))                  -- expect: true
coroutine.resume(co)                              -- expect: true	false	true	false
print(coroutine.isyieldable(co))                  -- expect: true
coroutine.resume(co)
print(coroutine.status(co), coroutine.isyieldable(co))  -- expect: dead	true
-- inside a C function that calls Lua (here gsub's replacement function), a coroutine cannot yield
coroutine.wrap(function()
  print((string.gsub("a", "a", function() return tostring(coroutine.isyieldable()) end)))  -- expect: false
  print(coroutine.isyieldable())                  -- expect: true
  print(pcall(coroutine.isyieldable))             -- expect: true	true
end)()
print(tostring(main):match("^thread: ") ~= nil)   -- expect: true
print(main == coroutine.running())                -- expect: true
