-- pcall of a non-callable value reports the call error.
print(pcall(nil))    -- expect: false	attempt to call a nil value
print(pcall(42))     -- expect: false	attempt to call a number value
print(pcall(pcall))  -- expect: false	bad argument #1 to 'pcall' (value expected)
