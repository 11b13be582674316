-- debug.debug at the end of its input returns at once (after its prompt on stderr)
-- expect exit: 0
print("before")  -- expect: before
debug.debug()
print("after")   -- expect: after
-- expect stderr: lua_debug> 
