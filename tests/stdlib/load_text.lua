-- load compiles a string chunk into a function.
local f = load("return 1 + 2")
print(f())                              -- expect: 3
print(load("local a, b = ... return a * b")(6, 7)) -- expect: 42
local parts = {"return ", "'pie", "ces'"}
local i = 0
print(load(function() i = i + 1 return parts[i] end)()) -- expect: pieces
print(load("x = 5")(), x)               -- expect: nil	5
