-- String keys are not converted to numbers.
local t = {}
t["1"] = "string"
t[1] = "number"
print(t["1"], t[1])    -- expect: string	number
