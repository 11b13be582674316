-- math.type distinguishes the subtypes and returns nil for non-numbers.
print(math.type(0))         -- expect: integer
print(math.type(0.0))       -- expect: float
print(math.type(2^31))      -- expect: float
print(math.type(1 // 1))    -- expect: integer
print(math.type(nil))       -- expect: nil
print(math.type({}))        -- expect: nil
-- Called through pcall the function has no call-site name, so the message uses its global name.
print(pcall(math.type))     -- expect: false	bad argument #1 to 'math.type' (value expected)
