-- expect error: :2: UTF-8 value too large near '"\u{80000000'
print("\u{80000000}")
