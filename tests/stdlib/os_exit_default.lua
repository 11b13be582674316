-- os.exit() with no argument exits with status 0.
io.write("partial line ")
print("done") -- expect: partial line done
os.exit()
print("never")
