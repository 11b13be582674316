-- Code after a pcall continues; a later uncaught error still ends the program.
print(pcall(error, "one", 0))  -- expect: false	one
print("continuing")            -- expect: continuing
local t = nil
print(#t) -- expect error: :5: attempt to get length of a nil value (local 't')
