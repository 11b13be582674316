-- expect error: :3: invalid escape sequence near '"a\q'
-- An unknown escape letter.
print("a\qb")
