-- A label may not reuse the name of a label visible from an enclosing block.
::top::
do
  ::top::
end
-- expect error: label_duplicate_nested.lua:5: label 'top' already defined on line 2
