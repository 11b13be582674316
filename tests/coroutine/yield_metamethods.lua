-- Metamethods called by operators may yield: arithmetic, bitwise, concatenation, comparison, length, index,
-- newindex and call; the operation finishes with the value the metamethod returns after the resume.
local function val(x) return type(x) == "table" and x.x or x end
local mt = {
  __add = function(a, b) coroutine.yield("add") return val(a) + val(b) end,
  __sub = function(a, b) coroutine.yield("sub") return val(a) - val(b) end,
  __mul = function(a, b) coroutine.yield("mul") return val(a) * val(b) end,
  __idiv = function(a, b) coroutine.yield("idiv") return val(a) // val(b) end,
  __mod = function(a, b) coroutine.yield("mod") return val(a) % val(b) end,
  __pow = function(a, b) coroutine.yield("pow") return val(a) ^ val(b) end,
  __unm = function(a) coroutine.yield("unm") return -val(a) end,
  __band = function(a, b) coroutine.yield("band") return val(a) & val(b) end,
  __shl = function(a, b) coroutine.yield("shl") return val(a) << val(b) end,
  __bnot = function(a) coroutine.yield("bnot") return ~val(a) end,
  __concat = function(a, b) coroutine.yield("concat") return val(a) .. val(b) end,
  __eq = function(a, b) coroutine.yield("eq") return val(a) == val(b) end,
  __lt = function(a, b) coroutine.yield("lt") return val(a) < val(b) end,
  __le = function(a, b) coroutine.yield("le") return val(a) <= val(b) end,
  __len = function(a) coroutine.yield("len") return 99 end,
  __index = function(t, k) coroutine.yield("index") return k .. "!" end,
  __newindex = function(t, k, v) coroutine.yield("newindex") rawset(t, k, v * 2) end,
  __call = function(self, a) coroutine.yield("call") return a + 1 end,
}
local function new(x) return setmetatable({x = x}, mt) end
local a, b = new(10), new(3)
local function run(f)
  local co, seen = coroutine.wrap(f), {}
  while true do
    local r = co()
    if type(r) ~= "string" or not mt["__" .. r] then return r, table.concat(seen, ",") end
    seen[#seen + 1] = r
  end
end
print(run(function() return a + b end))               -- expect: 13	add
print(run(function() return (a - 1) * b end))         -- expect: 27	sub,mul
print(run(function() return a // b, a % b end))       -- expect: 3	idiv,mod
print(run(function() return a ^ 2 end))               -- expect: 100.0	pow
print(run(function() return -a end))                  -- expect: -10	unm
print(run(function() return ~a & b end))              -- expect: 1	bnot,band
print(run(function() return a << 2 end))              -- expect: 40	shl
print(run(function() return "<" .. a .. b .. ">" end)) -- expect: <103>	concat,concat
print(run(function() return a == new(10) end))        -- expect: true	eq
print(run(function() return a < b, 0 end))            -- expect: false	lt
print(run(function() return b <= a end))              -- expect: true	le
print(run(function() return a > 1 end))               -- expect: true	lt
print(run(function() return #a end))                  -- expect: 99	len
print(run(function() return a.missing end))           -- expect: missing!	index
print(run(function() a.y = 4 return rawget(a, "y") end)) -- expect: 8	newindex
print(run(function() return a(41) end))               -- expect: 42	call
