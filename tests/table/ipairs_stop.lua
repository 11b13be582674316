-- ipairs stops at the first nil.
local t = {1, 2, nil, 4}
local n = 0
for i, v in ipairs(t) do n = n + 1 end
print(n) -- expect: 2
for i, v in ipairs({"a", "b"}) do io.write(i, v, " ") end print("|") -- expect: 1a 2b |
for i, v in ipairs({}) do print("never") end
