-- expect error: :2: malformed number near '1.2.3'
local n = 1.2.3
