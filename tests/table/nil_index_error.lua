-- A nil key cannot be stored.
local t = {}
print(t[nil])  -- expect: nil
print(pcall(function() t[nil] = 1 end)) -- expect: false	tests/table/nil_index_error.lua:4: table index is nil
t[nil] = 1     -- expect error: :5: table index is nil
