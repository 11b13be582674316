-- expect error: :2: <name> expected near '1'
local 1 = 2
