-- string.sub with positive, negative and out-of-range indices.
local s = "hello world"
print(s:sub(1, 5))      -- expect: hello
print(s:sub(7))         -- expect: world
print(s:sub(-5))        -- expect: world
print(s:sub(-5, -3))    -- expect: wor
print(s:sub(0))         -- expect: hello world
print(s:sub(5, 2) == "") -- expect: true
print(s:sub(-100, 2))   -- expect: he
print(s:sub(10, 100))   -- expect: ld
print(string.sub(s, 3, 3)) -- expect: l
print(s:sub(math.mininteger, math.maxinteger)) -- expect: hello world
