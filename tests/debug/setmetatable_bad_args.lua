-- debug.setmetatable/getmetatable: argument checks as lua5.4
print(pcall(debug.setmetatable, 1, 2))                      -- expect: false	bad argument #2 to 'debug.setmetatable' (nil or table expected, got number)
print(pcall(debug.setmetatable, {}))                        -- expect: false	bad argument #2 to 'debug.setmetatable' (nil or table expected, got no value)
print(pcall(debug.getmetatable))                            -- expect: false	bad argument #1 to 'debug.getmetatable' (value expected)
print(debug.getmetatable(nil), debug.getmetatable(1))       -- expect: nil	nil
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t), type(debug.getmetatable(t)))         -- expect: locked	table
print(select("#", debug.setmetatable(t, nil)), getmetatable(t)) -- expect: 1	nil
print(pcall(debug.setmetatable))                            -- expect: false	bad argument #2 to 'debug.setmetatable' (nil or table expected, got no value)
