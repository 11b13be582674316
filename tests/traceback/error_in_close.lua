-- __close runs as "metamethod 'close'" at a scope's end, but during an error's unwinding pcall calls it.
local function closer(msg) return setmetatable({}, {__close = function() error(msg) end}) end
local function normal()
  local x <close> = closer("at scope end")
end
print(select(2, xpcall(normal, debug.traceback)))
local function unwinding()
  local x <close> = setmetatable({}, {__close = function() print(debug.traceback("unwinding")) end})
  error("e")
end
print(pcall(unwinding))
-- expect: tests/traceback/error_in_close.lua:2: at scope end
-- expect: stack traceback:
-- expect: 	[C]: in function 'error'
-- expect: 	tests/traceback/error_in_close.lua:2: in metamethod 'close'
-- expect: 	tests/traceback/error_in_close.lua:5: in function <tests/traceback/error_in_close.lua:3>
-- expect: 	[C]: in function 'xpcall'
-- expect: 	tests/traceback/error_in_close.lua:6: in main chunk
-- expect: 	[C]: in ?
-- expect: unwinding
-- expect: stack traceback:
-- expect: 	tests/traceback/error_in_close.lua:8: in function <tests/traceback/error_in_close.lua:8>
-- expect: 	[C]: in function 'pcall'
-- expect: 	tests/traceback/error_in_close.lua:11: in main chunk
-- expect: 	[C]: in ?
-- expect: false	tests/traceback/error_in_close.lua:9: e
