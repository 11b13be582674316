-- The generic for's fourth value must be closable too (lua5.4 names it '(for state)', at the line of 'do').
print(pcall(function()
  for k in next, {}, nil,
    "not closable"
  do end
end)) -- expect: false	tests/close/generic_for_non_closable.lua:5: variable '(for state)' got a non-closable value
