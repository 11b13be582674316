-- string.gsub with string, table and function replacements.
print(string.gsub("hello world", "o", "0"))         -- expect: hell0 w0rld	2
print(string.gsub("hello", "l", "L", 1))            -- expect: heLlo	1
print(string.gsub("abc", "%w", "%0%0"))             -- expect: aabbcc	3
print(string.gsub("a b", "(%w)", "<%1>"))           -- expect: <a> <b>	2
print(string.gsub("$x $y", "%$(%w)", {x = "1"}))    -- expect: 1 $y	2
print(string.gsub("1 2 3", "%d", function(d) return d * 2 end)) -- expect: 2 4 6	3
print(string.gsub("abc", "", "-"))                  -- expect: -a-b-c-	4
print(string.gsub("x", "x", "%%"))                  -- expect: %	1
print(pcall(string.gsub, "x", "x", "%2"))           -- expect: false	invalid capture index %2
