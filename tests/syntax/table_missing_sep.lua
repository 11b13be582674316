-- Table fields must be separated by ',' or ';'.
-- expect error: :3: '}' expected near 'b'
local t = {a b}
