-- utf8 library basics.
print(utf8.char(72, 228, 8364, 128512) == "H\u{E4}\u{20AC}\u{1F600}") -- expect: true
print(utf8.len("H\u{E4}\u{20AC}"))       -- expect: 3
print(utf8.codepoint("\u{20AC}"))         -- expect: 8364
for p, c in utf8.codes("a\u{E4}") do io.write(p, ":", c, " ") end print("|") -- expect: 1:97 2:228 |
print(utf8.len("\xff"))                   -- expect: nil	1
print(utf8.offset("a\u{E4}b", 3))         -- expect: 4
