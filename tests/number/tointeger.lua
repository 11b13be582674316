-- math.tointeger converts only floats with an exact integer value.
print(math.tointeger(3.0))     -- expect: 3
print(math.tointeger(3.5))     -- expect: nil
print(math.tointeger(2^63))    -- expect: nil
print(math.tointeger(-2^63))   -- expect: -9223372036854775808
print(math.tointeger(7))       -- expect: 7
print(math.tointeger("8"))     -- expect: 8
print(math.tointeger(0/0))     -- expect: nil
