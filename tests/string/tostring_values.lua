-- tostring on the basic values.
print(tostring(nil), tostring(true), tostring(false)) -- expect: nil	true	false
print(tostring("s"))                                -- expect: s
print(tostring(print):match("^function:")) -- expect: function:
print(tostring({}):sub(1, 6))                       -- expect: table:
