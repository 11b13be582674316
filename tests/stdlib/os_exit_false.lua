-- os.exit(false) exits with status 1 and prints nothing to stderr.
os.exit(false) -- expect exit: 1
