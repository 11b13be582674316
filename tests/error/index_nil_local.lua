-- Indexing nil held in a local names the local.
local x
print(x.field) -- expect error: :3: attempt to index a nil value (local 'x')
