-- string.byte and string.char convert between characters and codes.
print(string.byte("A"))          -- expect: 65
print(("abc"):byte(1, -1))       -- expect: 97	98	99
print(("abc"):byte(-1))          -- expect: 99
print(("abc"):byte(10))          -- expect:
print(select("#", ("abc"):byte(10))) -- expect: 0
print(string.char(72, 105))      -- expect: Hi
print(string.char() == "")       -- expect: true
print(pcall(function() return string.char(256) end)) -- expect: false	tests/string/byte_char.lua:9: bad argument #1 to 'char' (value out of range)
