-- Inside a finalizer collectgarbage does nothing and returns fail (nil) for every option, as lua5.4's does;
-- outside, it answers.
print(collectgarbage("isrunning"), type(collectgarbage("count")))  -- expect: true	number
_G.x = setmetatable({}, {__gc = function()
  print(collectgarbage(), collectgarbage("count"), collectgarbage("step"), collectgarbage("isrunning"),
        collectgarbage("incremental"))
end})
-- expect: nil	nil	nil	nil	nil
