-- os.exit(true) exits with status 0.
io.write("flushed\n") -- expect: flushed
os.exit(true)
print("never")
