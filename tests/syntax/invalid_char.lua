-- expect error: :2: unexpected symbol near '@'
local x = @
