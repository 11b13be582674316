-- Named and bracketed fields, mixed with positional ones.
local k = "key"
local t = {x = 1, ["y z"] = 2, [k] = 3, [1 + 1] = "two", "one"}
print(t.x, t["y z"], t.key, t[2], t[1]) -- expect: 1	2	3	two	one
local u = {[1] = "a", "b"}
print(u[1])                   -- expect: b
