-- A value without __close (other than nil and false) is refused when the variable is declared, naming it.
local ok, msg = pcall(function()
  local fine <close> = nil
  local bad <close> = {}
end)
print(msg) -- expect: tests/close/non_closable.lua:4: variable 'bad' got a non-closable value
local t <close> = 42
-- expect error: non_closable.lua:7: variable 't' got a non-closable value
