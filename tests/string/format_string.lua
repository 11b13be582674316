-- %s uses tostring, with width and precision.
print(string.format("%s|%s|%s", "a", 1, 2.0))  -- expect: a|1|2.0
print(string.format("%s %s", true, nil))       -- expect: true nil
print(string.format("[%5s][%-5s]", "ab", "ab")) -- expect: [   ab][ab   ]
print(string.format("%.2s", "abcdef"))         -- expect: ab
print(string.format("100%%"))                  -- expect: 100%
print(string.format("%s", setmetatable({}, {__tostring = function() return "OBJ" end}))) -- expect: OBJ
print(string.format("no args"))                -- expect: no args
