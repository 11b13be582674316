-- table.sort never reported an inconsistent order function (insertion sort below 12 elements cannot see one);
-- lua5.4 raises "invalid order function for sorting" when a partition scan would run past the pivot. The
-- sort now makes lua5.4's comparisons in lua5.4's order, and never reads outside the range.
local function always(a, b) return true end
print(pcall(table.sort, {1, 2, 3, 4}, always))        -- expect: false	invalid order function for sorting
print(pcall(table.sort, {1, 2, 3, 4, 5}, always))     -- expect: false	invalid order function for sorting
print(pcall(table.sort, {1, 2, 3, 4, 5, 6}, always))  -- expect: false	invalid order function for sorting
print(pcall(table.sort, {1, 2, 3}, always))           -- expect: true
print(pcall(table.sort, {1, 1, 1, 1, 1}, function(a, b) return a <= b end))
-- expect: false	invalid order function for sorting
local ok, msg = pcall(function() table.sort({4, 3, 2, 1, 0}, always) end)
print(ok, msg)   -- expect: false	tests/table/sort_invalid_order.lua:11: invalid order function for sorting
-- the comparisons, in lua5.4's order
local log = {}
table.sort({5, 3, 8, 1, 9, 2, 7}, function(a, b) log[#log + 1] = a .. "<" .. b; return a < b end)
print(table.concat(log, " "))  -- expect: 7<5 1<5 3<5 8<5 5<9 5<2 8<5 5<2 7<9 8<7 9<8 2<1 3<1 2<3
-- an order function that changes the table while it runs does no harm
local t = {}
for i = 1, 50 do t[i] = (i * 37) % 50 end
print(pcall(table.sort, t, function(a, b) t[#t + 1] = 0; return (a or 0) < (b or 0) end))  -- expect: true
local u = {}
for i = 1, 50 do u[i] = (i * 37) % 50 end
print((pcall(table.sort, u, function(a, b) for k = 1, #u do u[k] = nil end; return (a or 0) < (b or 0) end)))
-- expect: true
