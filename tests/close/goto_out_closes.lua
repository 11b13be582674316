-- A goto out of blocks closes their <close> variables; a backward goto out of a variable's scope closes it too,
-- each pass.
local function R(name) return setmetatable({}, {__close = function() print("close " .. name) end}) end
do
  local a <close> = R("a")
  do
    local b <close> = R("b")
    goto out
  end
end
::out::
print("out")
local n = 0
::again::
local c <close> = R("c" .. n)
n = n + 1
if n < 3 then goto again end
print("done")
-- expect: close b
-- expect: close a
-- expect: out
-- expect: close c0
-- expect: close c1
-- expect: done
-- expect: close c2
