-- Iterating over a non-function is an error.
local t = {}
for k in t do end -- expect error: :3: attempt to call a table value (for iterator 'for iterator')
