local x = 1
-- expect error: :3: unexpected symbol near '+'
x = + x
