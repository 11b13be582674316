-- rawlen works on tables and strings only.
print(rawlen({1, 2, 3}), rawlen(""))  -- expect: 3	0
print(pcall(rawlen, 5))               -- expect: false	bad argument #1 to 'rawlen' (table or string expected, got number)
