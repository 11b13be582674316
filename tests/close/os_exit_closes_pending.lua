-- os.exit(code, true) closes the state: the main program's pending to-be-closed variables are closed, newest
-- first, with a nil error, before the finalizers run; os.exit(code) without close closes nothing.
setmetatable({}, {__gc = function() print("finalized") end})
local x <close> = setmetatable({}, {__close = function(_, e) print("closed x", e) end})
do
  local y <close> = setmetatable({}, {__close = function() print("closed y") end})
  os.exit(3, true)
end
-- expect: closed y
-- expect: closed x	nil
-- expect: finalized
-- expect exit: 3
