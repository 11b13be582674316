-- Two labels of one name in one block.
do
  ::a::
  print("never")
  ::a::
end
-- expect error: label_duplicate.lua:6: label 'a' already defined on line 3
