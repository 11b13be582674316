-- Float steps accumulate; the loop stops once the variable passes the limit.
local n = 0
for x = 0, 1, 0.25 do n = n + 1 end
print(n) -- expect: 5
for x = 1, 0, -0.5 do io.write(tostring(x), ";") end print() -- expect: 1.0;0.5;0.0;
for x = 0.1, 0.35, 0.1 do io.write(tostring(x), ";") end print() -- expect: 0.1;0.2;0.3;
