-- os.exit with a number sets the exit status; output written before is kept.
print("bye") -- expect: bye
os.exit(3)   -- expect exit: 3
print("never")
