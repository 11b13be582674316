-- os.time, os.clock and os.getenv return values of the right types.
print(math.type(os.time()))                        -- expect: integer
local t1 = os.time{year = 2020, month = 1, day = 1, hour = 0}
local t2 = os.time{year = 2020, month = 1, day = 2, hour = 0}
print(t2 - t1)                                     -- expect: 86400
print(os.time{year = 2021, month = 1, day = 1, hour = 12} - os.time{year = 2020, month = 1, day = 1, hour = 12}) -- expect: 31622400
print(math.type(os.clock()))                       -- expect: float
print(type(os.getenv("HOME")))                     -- expect: string
print(os.getenv("VMC_SURELY_UNDEFINED_VARIABLE"))  -- expect: nil
print(os.date("%Y-%m-%d", 0) ~= nil)               -- expect: true
