-- Positional fields get consecutive integer keys starting at 1.
local t = {10, 20, 30}
print(t[1], t[2], t[3], t[4]) -- expect: 10	20	30	nil
print(#t)                     -- expect: 3
print(#{})                    -- expect: 0
