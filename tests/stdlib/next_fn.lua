-- next with a bad key is an error.
print(next({}, nil))                      -- expect: nil
print(pcall(next, {}, "nokey"))           -- expect: false	invalid key to 'next'
