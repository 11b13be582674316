-- Numeric for with positive and negative steps; the limit is evaluated once.
for i = 1, 3 do io.write(i, " ") end print("|")        -- expect: 1 2 3 |
for i = 3, 1, -1 do io.write(i, " ") end print("|")    -- expect: 3 2 1 |
for i = 1, 10, 4 do io.write(i, " ") end print("|")    -- expect: 1 5 9 |
for i = 1, 0 do print("never") end
for i = 10, 1, -4 do io.write(i, " ") end print("|")   -- expect: 10 6 2 |
local limit = 3
for i = 1, limit do limit = 10 end
print(limit)                                         -- expect: 10
local count = 0
local hi = 3
for i = 1, hi do hi = hi + 1; count = count + 1 end
print(count)                                         -- expect: 3
