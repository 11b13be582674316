-- An uncaught failed assert without a message.
local x = nil
assert(x) -- expect error: assertion failed!
