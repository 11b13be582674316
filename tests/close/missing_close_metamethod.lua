-- A __close metamethod removed after the declaration: calling it fails, at the line where the scope closes.
local mt = {__close = function() end}
print(pcall(function()
  do
    local c <close> = setmetatable({}, mt)
    mt.__close = nil
    print("body")
  end
end))
-- expect: body
-- expect: false	tests/close/missing_close_metamethod.lua:7: attempt to call a nil value (metamethod 'close')
