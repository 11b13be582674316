-- A backward goto leaves the scope of the locals declared after its label: each pass gets a fresh local, so each
-- closure captures its own (a fresh upvalue cell per iteration), while a local declared before the label is one.
local fs = {}
local shared = 0
local i = 1
::top::
local x = i * 10
fs[i] = function() shared = shared + 1; x = x + 1; return x, shared end
i = i + 1
if i <= 3 then goto top end
print(fs[1]()) -- expect: 11	1
print(fs[1]()) -- expect: 12	2
print(fs[2]()) -- expect: 21	3
print(fs[3]()) -- expect: 31	4
