-- Integer and other keys coexist; integer keys may be filled in any order.
local t = {}
t[3] = "c"; t[1] = "a"; t[2] = "b"
t.name = "x"; t[-1] = "neg"; t[0] = "zero"
print(#t, t[1] .. t[2] .. t[3])  -- expect: 3	abc
print(t.name, t[-1], t[0])       -- expect: x	neg	zero
t[1000000] = "far"
print(t[1000000])                -- expect: far
t[true] = "yes"
print(t[true], t[false])         -- expect: yes	nil
