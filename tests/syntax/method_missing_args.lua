-- expect error: :4: function arguments expected near 'print'
local s = "x"
local y = s:upper
print(y)
