-- %q quotes values so that Lua can read them back.
print(string.format("%q", "he said \"hi\"\n\\")) -- expect: "he said \"hi\"\
-- expect: \\"
print(string.format("%q", "tab\there\0zero\r\1x\0019")) -- expect: "tab\9here\0zero\13\1x\0019"
print(string.format("%q", 42))               -- expect: 42
print(string.format("%q", -7))               -- expect: -7
print(string.format("%q", math.mininteger))  -- expect: 0x8000000000000000
print(string.format("%q", 1.5))              -- expect: 0x1.8p+0
print(string.format("%q", 1/0), string.format("%q", -1/0)) -- expect: 1e9999	-1e9999
print(string.format("%q", 0/0))              -- expect: (0/0)
print(string.format("%q", true), string.format("%q", nil)) -- expect: true	nil
print(string.format("%q", "\u{e9}\127"))     -- expect: "é\127"
