-- Calling a missing method names the method.
local obj = {}
obj:missing() -- expect error: :3: attempt to call a nil value (method 'missing')
