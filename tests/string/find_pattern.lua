-- string.find and match with patterns and captures.
print(string.find("key = value", "(%w+)%s*=%s*(%w+)")) -- expect: 1	11	key	value
print(string.match("2024-01-15", "(%d+)-(%d+)-(%d+)")) -- expect: 2024	01	15
print(string.match("  trim  ", "^%s*(.-)%s*$"))     -- expect: trim
print(string.match("abc", "()b()"))                 -- expect: 2	3
print(string.match("[tag]", "%[(.*)%]"))            -- expect: tag
print(string.match("aaa", "a-b"))                   -- expect: nil
print(string.match("f(a(b)c)", "%b()"))             -- expect: (a(b)c)
print(string.match("THE (quick) fox", "%f[%a]%a+", 5)) -- expect: quick
