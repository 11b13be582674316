-- Strings share one metatable whose __index is the string library.
print(getmetatable("a") == getmetatable("b")) -- expect: true
print(("abc"):len())                           -- expect: 3
