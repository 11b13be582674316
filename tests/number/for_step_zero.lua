-- A zero step is an error, for integer and float loops alike.
print(pcall(function() for i = 1, 10, 0 do end end)) -- expect: false	tests/number/for_step_zero.lua:2: 'for' step is zero
for i = 1.0, 2, 0.0 do end -- expect error: :3: 'for' step is zero
