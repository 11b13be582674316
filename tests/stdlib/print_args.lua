-- print separates its arguments with tabs and ends with a newline.
print(1, "two", 3.0, nil, true) -- expect: 1	two	3.0	nil	true
print()                         -- expect:
print("")                       -- expect:
print(nil)                      -- expect: nil
