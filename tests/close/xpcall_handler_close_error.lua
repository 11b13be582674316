-- Under xpcall the message handler also handles the errors raised by __close while unwinding, and the
-- __close calls get the handled error.
local c <close> = nil
print(xpcall(function()
  local x <close> = setmetatable({}, {__close = function(_, e) error("in close: " .. e, 0) end})
  error("first", 0)
end, function(m) print("handler", m); return "H(" .. m .. ")" end))
-- expect: handler	first
-- expect: handler	in close: H(first)
-- expect: false	H(in close: H(first))
