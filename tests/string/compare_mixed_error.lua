-- Comparing a string with a number is an error.
print("10" < 9) -- expect error: :2: attempt to compare string with number
