-- A library function called directly by pcall has no call-site name, so lua5.4 names it by its global path.
print(pcall(string.rep))      -- expect: false	bad argument #1 to 'string.rep' (string expected, got no value)
print(pcall(math.floor, {}))  -- expect: false	bad argument #1 to 'math.floor' (number expected, got table)
print(pcall(tostring))        -- expect: false	bad argument #1 to 'tostring' (value expected)
