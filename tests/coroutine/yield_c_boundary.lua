-- Where lua5.4 cannot yield, neither does vmc: across a C function that called Lua code (table.sort's
-- comparator, gsub's function, __tostring from tostring or print, a load reader, require's loader, metamethods
-- run by table and library functions, a message handler). pcall, xpcall, dofile and pairs let yields through.
local function try(name, f)
  print(name, coroutine.resume(coroutine.create(f)))
end
local yieldmt = {__index = function() coroutine.yield() return "v" end,
                 __newindex = function() coroutine.yield() end,
                 __len = function() return 1 end,
                 __lt = function() coroutine.yield() return true end,
                 __tostring = function() coroutine.yield() return "s" end}
local obj = setmetatable({}, yieldmt)
try("sort", function() table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end) end)
-- expect: sort	false	attempt to yield across a C-call boundary
try("sort __lt", function() table.sort({setmetatable({}, yieldmt), setmetatable({}, yieldmt)}) end)
-- expect: sort __lt	false	attempt to yield across a C-call boundary
try("gsub", function() return string.gsub("ab", ".", function() coroutine.yield() end) end)
-- expect: gsub	false	attempt to yield across a C-call boundary
try("tostring", function() return tostring(obj) end)
-- expect: tostring	false	attempt to yield across a C-call boundary
try("print", function() print(obj) end)
-- expect: print	false	attempt to yield across a C-call boundary
try("format", function() return string.format("%s", obj) end)
-- expect: format	false	attempt to yield across a C-call boundary
try("load", function() return load(function() coroutine.yield() end) end)
-- expect: load	true	nil	attempt to yield across a C-call boundary
try("require", function() package.preload.yieldmod = function() coroutine.yield() end return require("yieldmod") end)
-- expect: require	false	attempt to yield across a C-call boundary
try("ipairs", function() for _ in ipairs(obj) do end end)
-- expect: ipairs	false	attempt to yield across a C-call boundary
try("concat", function() return table.concat(obj) end)
-- expect: concat	false	attempt to yield across a C-call boundary
try("insert", function() table.insert(obj, 1) end)
-- expect: insert	false	attempt to yield across a C-call boundary
try("unpack", function() return table.unpack(obj, 1, 1) end)
-- expect: unpack	false	attempt to yield across a C-call boundary
try("handler", function() return xpcall(error, function(m) coroutine.yield() return m end, "e") end)
-- expect: handler	true	false	error in error handling
try("pcall", function() return pcall(coroutine.yield, "p") end)
-- expect: pcall	true	p
try("pairs", function() for k in pairs(setmetatable({}, {__pairs = function(t) coroutine.yield("pairs") return next, t end})) do end end)
-- expect: pairs	true	pairs
try("dofile", function() return dofile("tests/fixtures/yield_in_chunk.lua") end)
-- expect: dofile	true	from chunk
try("index", function() return obj.k end)
-- expect: index	true
-- the coroutine that hit the boundary is dead, as after any error
local co = coroutine.create(function() table.sort({1, 2}, function() coroutine.yield() end) end)
coroutine.resume(co)
print(coroutine.status(co))   -- expect: dead
