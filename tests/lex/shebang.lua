#!/usr/bin/env lua5.4
-- A first line starting with '#' is skipped.
print("shebang ok") -- expect: shebang ok
