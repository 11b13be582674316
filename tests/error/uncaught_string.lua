-- An uncaught error prints "program: file:line: message" and exits with status 1.
print("before")  -- expect: before
error("boom")    -- expect error: tests/error/uncaught_string.lua:3: boom
print("after")
