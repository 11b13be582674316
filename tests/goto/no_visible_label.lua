-- A label inside a nested block is not visible from outside it.
do
  goto inner
  do ::inner:: end
end
-- expect error: no_visible_label.lua:7: no visible label 'inner' for <goto> at line 3
