-- gotos in the main chunk: a loop made of a backward goto, values carried around it (phis of a block whose
-- predecessors are known only when its scope closes).
local a, b, n = 0, 1, 0
::loop::
a, b = b, a + b
n = n + 1
if n < 10 then goto loop end
print(a, b, n) -- expect: 55	89	10
