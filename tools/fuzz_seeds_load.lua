-- fuzz_seeds_load.lua: writes the seeds of the load target (tests/fuzz/seeds/load), string.dump's output for a few
-- kinds of function. Run with vmc, whose chunks these are: build/vmc tools/fuzz_seeds_load.lua tests/fuzz/seeds/load
local dir = assert(arg[1], "usage: vmc fuzz_seeds_load.lua DIR")

local up1, up2 = 10, "x"
local K <const> = {}
local funcs = {
  plain = function(a, b) return a + b end,
  vararg = function(...) return select("#", ...), ... end,
  upvalues = function() up1 = up1 + 1; return up2 .. up1 end,
  nested = function(n)
    local function f(k) if k < 2 then return k end return f(k - 1) + f(k - 2) end
    return f(n), K
  end,
  method = nil,
  strings = function() return "a\0b\n", [[long
string]], 0x10, 1.5e3 end,
  closegoto = function(t)
    do local x <close> = nil end
    for i = 1, #t do if t[i] then goto done end end
    ::done:: return t
  end,
}
local obj = {}
function obj:get(k) return self[k] end
funcs.method = obj.get
funcs.main = load("local a = ... return a and a * 2")

for name, f in pairs(funcs) do
  local out = assert(io.open(dir .. "/" .. name, "wb"))
  out:write(string.dump(f))
  out:close()
end
