-- Method calls on strings (s:sub(i), s:byte(i)) take the inline caches' method path through the strings'
-- metatable: string functions added or replaced later, __index turned into a function, a table, or removed
-- (then indexing a string is an error again) are all seen.
local s = "hello world"
local n = 0
for i = 1, 5 do n = n + s:len() + #s:sub(2, 4) + s:byte(i) end
print(n, s:upper(), ("%d"):format(5), s:find("wor"))         -- expect: 602	HELLO WORLD	5	7	9
string.shout = function(x) return x:upper() .. "!" end
print(s:shout())                                              -- expect: HELLO WORLD!
print(pcall(function() return s:nosuch() end))
-- expect: false	tests/ic/string_methods.lua:10: attempt to call a nil value (method 'nosuch')
local mt = getmetatable("")
local old = mt.__index
mt.__index = function(str, k) return function() return "via function " .. k end end
print(s:anything())                                           -- expect: via function anything
mt.__index = {len = function() return "replaced len" end}
print(s:len(), s.upper)                                       -- expect: replaced len	nil
mt.__index = nil
print(pcall(function() return s:len() end))
-- expect: false	tests/ic/string_methods.lua:19: attempt to index a string value (upvalue 's')
print(pcall(function() return s.x end))
-- expect: false	tests/ic/string_methods.lua:21: attempt to index a string value (upvalue 's')
mt.__index = old
print(s:len(), s.x)                                           -- expect: 11	nil
local words = {}
for w in ("a bb ccc"):gmatch("%a+") do words[#words + 1] = w:rep(2) end
print(table.concat(words, ","))                               -- expect: aa,bbbb,cccccc
