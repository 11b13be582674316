-- A local _ENV changes where global names are looked up.
local print = print
do
  local _ENV = {x = "from env"}
  print(x)  -- expect: from env
  y = 1
  print(y)  -- expect: 1
end
print(y)    -- expect: nil
