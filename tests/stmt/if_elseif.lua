-- if/elseif/else picks the first true branch; only nil and false are false.
local function classify(n)
  if n < 0 then return "neg" elseif n == 0 then return "zero" elseif n < 10 then return "small" else return "big" end
end
print(classify(-5), classify(0), classify(3), classify(50)) -- expect: neg	zero	small	big
if 0 then print("0 is true") end        -- expect: 0 is true
if "" then print("empty string is true") end -- expect: empty string is true
if nil then print("no") elseif false then print("no") else print("else") end -- expect: else
