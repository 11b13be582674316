-- debug.setmetatable on nil and booleans: arithmetic, indexing and errors use the shared metatable
local mt = {__index = function(a, b) return a or b end}
debug.setmetatable(true, mt)
print(getmetatable(false) == mt, (true)[false], (false)[false]) -- expect: true	true	false
debug.setmetatable(false, nil)
print(getmetatable(true))                                   -- expect: nil
debug.setmetatable(nil, {__add = function(a, b) return (a or 1) + (b or 2) end})
print(10 + nil, nil + 23, nil + nil)                        -- expect: 12	24	3
print(pcall(function() local x; return x.y end))            -- expect: false	tests/debug/setmetatable_nil_boolean.lua:9: attempt to index a nil value (local 'x')
debug.setmetatable(nil, nil)
print(getmetatable(nil), pcall(function() return nil + 1 end)) -- expect: nil	false	tests/debug/setmetatable_nil_boolean.lua:11: attempt to perform arithmetic on a nil value
