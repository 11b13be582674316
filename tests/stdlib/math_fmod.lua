-- math.fmod truncates towards zero, unlike %.
print(math.fmod(7, 3), math.fmod(-7, 3))     -- expect: 1	-1
print(math.fmod(7, -3), math.fmod(-7.5, 2))  -- expect: 1	-1.5
print(math.fmod(5.5, 2))                     -- expect: 1.5
print(math.fmod(1, 0.0))                     -- expect: -nan
print(math.fmod(math.mininteger, -1))        -- expect: 0
print(pcall(function() return math.fmod(1, 0) end)) -- expect: false	tests/stdlib/math_fmod.lua:7: bad argument #2 to 'fmod' (zero)
