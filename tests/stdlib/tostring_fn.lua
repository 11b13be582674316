-- tostring converts any value.
print(tostring(12), tostring(1.25), tostring(-0.0)) -- expect: 12	1.25	-0.0
print(tostring(true), tostring(nil))              -- expect: true	nil
print(tostring("x") == "x")                       -- expect: true
print(tostring(print):find("^builtin") or tostring(print):find("^function")) -- expect: 1
