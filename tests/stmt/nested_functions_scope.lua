-- A block's locals go out of scope at its end; globals with the same name are separate.
x = "global"
do local x = "local"; print(x) end -- expect: local
print(x)                           -- expect: global
local function f() local x = "f"; return x end
print(f(), x)                      -- expect: f	global
