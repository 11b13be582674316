-- An uncaught error whose value is a table without __tostring.
print("start")      -- expect: start
error({code = 1})   -- expect error: (error object is a table value)
