-- expect error: :2: hexadecimal digit expected near '"\xg'
print("\xg0")
