-- expect error: :2: unfinished string near '"abc'
print("abc
)
