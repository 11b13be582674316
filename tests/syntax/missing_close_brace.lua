-- expect error: :3: '}' expected (to close '{' at line 2) near 'print'
local t = {1, 2
print(t)
