-- Calls with a single string or table literal argument need no parentheses.
local function f(x) return type(x) end
print(f"x")           -- expect: string
print(f'y')           -- expect: string
print(f[[z]])         -- expect: string
print(f{1, 2})        -- expect: table
local function id(t) return t end
print(id{n = 3}.n)    -- expect: 3
print(("%s!"):format"hi") -- expect: hi!
print(#id"abc")       -- expect: 3
