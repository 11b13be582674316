-- A function without return values gives no values, which becomes nil where one is needed.
local function none() end
print(select("#", none()))   -- expect: 0
print(none())                -- expect:
local x = none()
print(x)                     -- expect: nil
print((none()))              -- expect: nil
