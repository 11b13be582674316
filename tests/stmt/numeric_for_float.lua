-- Float loops with negative steps.
for x = 1.0, 0, -0.25 do io.write(tostring(x), " ") end print("|") -- expect: 1.0 0.75 0.5 0.25 0.0 |
for x = 0.5, 2 do io.write(tostring(x), " ") end print("|")        -- expect: 0.5 1.5 |
