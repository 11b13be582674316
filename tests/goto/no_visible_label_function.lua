-- Labels are not visible from nested functions.
::out::
local function f()
  goto out
end
-- expect error: no_visible_label_function.lua:7: no visible label 'out' for <goto> at line 4
