-- A numeric for loop is an integer loop only if start and step are integers.
for i = 1, 3 do io.write(math.type(i), " ") end print("|") -- expect: integer integer integer |
for i = 1.0, 3 do io.write(tostring(i), " ") end print("|") -- expect: 1.0 2.0 3.0 |
for i = 1, 2, 0.5 do io.write(tostring(i), " ") end print("|") -- expect: 1.0 1.5 2.0 |
for i = 1, 3.9 do io.write(tostring(i), " ") end print("|") -- expect: 1 2 3 |
for i = 3, 1.5, -1 do io.write(tostring(i), " ") end print("|") -- expect: 3 2 |
