-- %a formats floats in hexadecimal.
print(string.format("%a", 1.0))    -- expect: 0x1p+0
print(string.format("%a", 0.5))    -- expect: 0x1p-1
print(string.format("%A", 10.5))   -- expect: 0X1.5P+3
print(string.format("%.1a", 1.0))  -- expect: 0x1.0p+0
