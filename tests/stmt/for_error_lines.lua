-- A bad generic-for iterator was reported at the line of 'for'; lua5.4 uses the line of the first token after
-- 'in' (the iterator call), and for the checks of a numeric for the line of 'do'.
print(pcall(load("for k, v in\n  3\ndo end", "=c")))
-- expect: false	c:2: attempt to call a number value (for iterator 'for iterator')
print(pcall(load("for k, v in\n\n (3)\n\n do\n end", "=c")))
-- expect: false	c:3: attempt to call a number value (for iterator 'for iterator')
print(pcall(load("for i =\n 'a',\n 2,\n 3\n do\n end", "=c")))
-- expect: false	c:5: bad 'for' initial value (number expected, got string)
print(pcall(load("for i = 1,\n {},\n 3\n do\n end", "=c")))
-- expect: false	c:4: bad 'for' limit (number expected, got table)
print(pcall(load("for i = 1, 2,\n 0\n do\n end", "=c")))
-- expect: false	c:3: 'for' step is zero
for k, v in
  3
do end
-- expect error: tests/stmt/for_error_lines.lua:14: attempt to call a number value (for iterator 'for iterator')
