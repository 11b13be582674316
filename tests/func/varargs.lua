-- Variadic functions: '...', select('#'), negative select, {...} and table.pack.
local function f(...)
  return select("#", ...), ...
end
print(f())                -- expect: 0
print(f(1, nil, 3))       -- expect: 3	1	nil	3
print(f(nil, nil))        -- expect: 2	nil	nil
local function last(...) return (select(-1, ...)) end
print(last(1, 2, 3))      -- expect: 3
print(select(2, "a", "b", "c")) -- expect: b	c
print(select(-2, "a", "b", "c")) -- expect: b	c
local function count(...) return #{...}, table.pack(...).n end
print(count(1, 2, 3))     -- expect: 3	3
print(count(nil, nil))    -- expect: 0	2
local function fixed(a, ...) local b, c = ... return a, b, c end
print(fixed(1, 2))        -- expect: 1	2	nil
