-- rawget, rawset and rawequal bypass metamethods.
local t = setmetatable({}, {
  __index = function() return "meta" end,
  __newindex = function() error("should not be called") end,
  __eq = function() return true end,
})
print(t.x, rawget(t, "x")) -- expect: meta	nil
rawset(t, "x", 1)
print(t.x)                 -- expect: 1
local u = setmetatable({}, getmetatable(t))
print(t == u, rawequal(t, u), rawequal(t, t)) -- expect: true	false	true
print(rawequal("a", "a"), rawequal(1, 1.0))   -- expect: true	true
print(rawlen({1, 2}), rawlen("abc"))          -- expect: 2	3
