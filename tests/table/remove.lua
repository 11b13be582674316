-- table.remove removes the last or a given element and returns it.
local t = {1, 2, 3, 4}
print(table.remove(t))        -- expect: 4
print(table.concat(t, ","))   -- expect: 1,2,3
print(table.remove(t, 1))     -- expect: 1
print(table.concat(t, ","))   -- expect: 2,3
print(table.remove({}))       -- expect: nil
local e = {}
print(table.remove(e, 0), table.remove(e, #e + 1)) -- expect: nil	nil
print(pcall(function() table.remove({1}, 5) end)) -- expect: false	tests/table/remove.lua:10: bad argument #1 to 'remove' (position out of bounds)
