-- A label may not be defined twice in the same block.
::top:: print(1)
::top:: print(2)
-- expect error: :3: label 'top' already defined on line 2
