-- %c formats a character code.
print(string.format("%c%c%c", 76, 117, 97))  -- expect: Lua
print(string.format("[%3c]", 65))            -- expect: [  A]
