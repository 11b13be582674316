-- select with an out-of-range negative index is an error.
print(select(5, 1, 2))  -- expect:
print(pcall(select, -3, 1, 2)) -- expect: false	bad argument #1 to 'select' (index out of range)
print(pcall(select, 0)) -- expect: false	bad argument #1 to 'select' (index out of range)
