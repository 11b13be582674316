-- Single and double quoted strings can hold the other quote unescaped.
print('say "hi"')  -- expect: say "hi"
print("it's")      -- expect: it's
print(#"")         -- expect: 0
print(#'')         -- expect: 0
