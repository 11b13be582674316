-- Keys that are keywords must use brackets; any string is a valid key.
local t = {["end"] = 1, ["a b"] = 2, [""] = 3}
print(t["end"], t["a b"], t[""]) -- expect: 1	2	3
