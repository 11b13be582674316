-- string.gmatch iterates over matches.
for w in string.gmatch("one two  three", "%a+") do io.write(w, ",") end print() -- expect: one,two,three,
for k, v in ("a=1, b=2"):gmatch("(%w+)=(%w+)") do io.write(k, v, ";") end print() -- expect: a1;b2;
local n = 0
for _ in ("abc"):gmatch("") do n = n + 1 end
print(n) -- expect: 4
