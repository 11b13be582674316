-- no hook is set: gethook fails; sethook with no function or an empty mask turns hooks off
print(debug.gethook())                        -- expect: nil
print(select("#", debug.gethook()))           -- expect: 1
print(debug.sethook())                        -- expect:
print(debug.sethook(nil))                     -- expect:
print(debug.sethook(print, ""))               -- expect:
print(debug.gethook())                        -- expect: nil
print(pcall(debug.sethook, print))            -- expect: false	bad argument #2 to 'debug.sethook' (string expected, got no value)
print(pcall(debug.sethook, 1, "c"))           -- expect: false	bad argument #1 to 'debug.sethook' (function expected, got number)
print(debug.gethook(coroutine.create(print))) -- expect: nil
