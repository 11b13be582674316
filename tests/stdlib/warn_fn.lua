-- The global warn was missing. Warnings start off; "@on"/"@off" switch them; on, the pieces go to stderr as
-- one line "Lua warning: ...". A one-piece message starting with '@' is a control message (unknown ones are
-- ignored). Only the first line of stderr is checked: it must be the first warning given while on.
warn("not shown: warnings are off")
warn("@unknown control")
warn("@on")
warn("@unknown control")
warn("hello ", "world ", 42)   -- expect error: Lua warning: hello world 42
print(pcall(warn))            -- expect: false	bad argument #1 to 'warn' (string expected, got no value)
print(pcall(warn, "a", {}))   -- expect: false	bad argument #2 to 'warn' (string expected, got table)
warn("@off")
warn("hidden")
print(type(warn))             -- expect: function
-- expect exit: 0
