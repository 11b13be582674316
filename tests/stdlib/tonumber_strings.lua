-- tonumber converts numeric strings and returns nil (fail) otherwise.
print(tonumber("0x1p4"))     -- expect: 16.0
print(tonumber("  10  "))    -- expect: 10
print(tonumber("10", 2))     -- expect: 2
print(tonumber("z", 36))     -- expect: 35
print(tonumber("8", 8))      -- expect: nil
print(tonumber("1e1"))       -- expect: 10.0
print(tonumber(""))          -- expect: nil
print(tonumber("0x"))        -- expect: nil
print(tonumber("1 2"))       -- expect: nil
print(tonumber("-0x10"))     -- expect: -16
print(tonumber(".5"), tonumber("5."))  -- expect: 0.5	5.0
print(tonumber("inf"), tonumber("nan")) -- expect: nil	nil
print(tonumber(42), tonumber(nil))     -- expect: 42	nil
print(tonumber("9223372036854775808")) -- expect: 9.2233720368548e+18
print(tonumber("0xffffffffffffffff"))  -- expect: -1
print(tonumber("\t5\n"))               -- expect: 5
