-- upper and lower change only ASCII letters.
print(string.upper("Hello, World 1!")) -- expect: HELLO, WORLD 1!
print(("MiXeD"):lower())              -- expect: mixed
print(("123"):upper())                -- expect: 123
