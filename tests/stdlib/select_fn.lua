-- select('#') counts trailing nils; select(n) returns from n on.
print(select("#"))                   -- expect: 0
print(select("#", nil, nil, nil))    -- expect: 3
print(select(3, "a", "b", "c", "d")) -- expect: c	d
print(select(-1, "a", "b"))          -- expect: b
print(select(2.0, "a", "b"))         -- expect: b
