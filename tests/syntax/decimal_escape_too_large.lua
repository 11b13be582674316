-- expect error: :2: decimal escape too large near '"\256"'
print("\256")
