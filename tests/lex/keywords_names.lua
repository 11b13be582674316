-- Names may contain keywords as parts, underscores and digits; names are case sensitive.
local _and, And, end_, _1 = 1, 2, 3, 4
print(_and, And, end_, _1)  -- expect: 1	2	3	4
local _ = 5
print(_)                    -- expect: 5
