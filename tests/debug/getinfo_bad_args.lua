-- debug.getinfo's argument checks, as lua5.4
print(pcall(debug.getinfo))              -- expect: false	bad argument #1 to 'debug.getinfo' (number expected, got no value)
print(pcall(debug.getinfo, "x"))         -- expect: false	bad argument #1 to 'debug.getinfo' (number expected, got string)
print(pcall(debug.getinfo, print, ">S")) -- expect: false	bad argument #2 to 'debug.getinfo' (invalid option '>')
print(pcall(debug.getinfo, print, "Sz")) -- expect: false	bad argument #2 to 'debug.getinfo' (invalid option)
print(pcall(debug.getinfo, 1, "q"))      -- expect: false	bad argument #2 to 'debug.getinfo' (invalid option)
print(debug.getinfo(50, "q"))            -- expect: nil
print(pcall(debug.getinfo, print, 3))    -- expect: false	bad argument #2 to 'debug.getinfo' (invalid option)
