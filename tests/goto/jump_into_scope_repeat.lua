-- In repeat-until, a label before `until` does not end the block (the condition sees the locals), so jumping
-- over a local to it enters the local's scope.
repeat
  goto continue
  local x = 1
  ::continue::
until x
-- expect error: jump_into_scope_repeat.lua:7: <goto continue> at line 4 jumps into the scope of local 'x'
