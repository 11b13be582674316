-- An expression statement that is neither a call nor an assignment.
-- expect error: :3: syntax error near 'y'
x y = 1
