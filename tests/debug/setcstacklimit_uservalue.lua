-- debug.setcstacklimit does nothing (lua 5.4.4 returns LUAI_MAXCCALLS); files have no user values
print(debug.setcstacklimit(100))                  -- expect: 200
print(pcall(debug.setcstacklimit))                -- expect: false	bad argument #1 to 'debug.setcstacklimit' (number expected, got no value)
print(pcall(debug.setcstacklimit, "a"))           -- expect: false	bad argument #1 to 'debug.setcstacklimit' (number expected, got string)
print(debug.getuservalue(io.stdout))              -- expect: nil
print(debug.getuservalue(io.stdout, 2))           -- expect: nil
print(debug.getuservalue(1))                      -- expect: nil
print(debug.getuservalue({}))                     -- expect: nil
print(select("#", debug.getuservalue(io.stdout))) -- expect: 1
print(debug.setuservalue(io.stdout, 1))           -- expect: nil
print(pcall(debug.setuservalue, 1, 2))            -- expect: false	bad argument #1 to 'debug.setuservalue' (userdata expected, got number)
print(pcall(debug.setuservalue, {}, 2))           -- expect: false	bad argument #1 to 'debug.setuservalue' (userdata expected, got table)
print(pcall(debug.setuservalue, io.stdout))       -- expect: false	bad argument #2 to 'debug.setuservalue' (value expected)
