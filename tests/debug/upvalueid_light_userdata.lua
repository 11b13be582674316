-- debug.upvalueid answers a light userdata: library functions that want a full userdata say so.
local x = debug.upvalueid(function () return debug end, 1)
print(type(x))  -- expect: userdata
print(pcall(debug.setuservalue, x, {}))  -- expect: false	bad argument #1 to 'debug.setuservalue' (userdata expected, got light userdata)
