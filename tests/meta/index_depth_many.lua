-- A long __index chain (100 levels) still finds the value.
local t = {found = "yes"}
for i = 1, 100 do t = setmetatable({}, {__index = t}) end
print(t.found) -- expect: yes
