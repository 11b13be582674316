-- break inside a function nested in a loop does not see the loop.
while true do
  local f = function() break end
end
-- expect error: break_outside_loop_nested.lua:4: break outside loop at line 3
