-- Multiple results are truncated except in the last position of a list.
local function two() return 1, 2 end
print(two())               -- expect: 1	2
print((two()))             -- expect: 1
print(two(), 10)           -- expect: 1	10
print(10, two())           -- expect: 10	1	2
local a, b, c = two()
print(a, b, c)             -- expect: 1	2	nil
local d, e, f = two(), 5
print(d, e, f)             -- expect: 1	5	nil
local function pass(...) return ... end
print(pass(two()))         -- expect: 1	2
print(#{two(), two()})     -- expect: 3
print(two() + 10)          -- expect: 11
