-- Field reads and method calls decide in line that an object lacks a key from its filter of string-key bits
-- (VmTable.keybits) and take the site's cached class result, or nil for a table without a metatable. Every way a
-- key comes into a table is seen: a store, rawset, a constructor (also from a site's template), a rehash that
-- drops dead keys; bits of other keys (many fields: the filter says "maybe") never hide a key.
local Class = {}
Class.__index = Class
Class.kind = "class"
function Class:m() return "method" end

local function kind(o) return o.kind end                   -- a field read that falls to the class
local function call(o) return o:m() end
local function plain(t) return t.kind end                  -- a table without a metatable

local o = setmetatable({a = 1}, Class)
print(kind(o), kind(o), call(o), call(o))                  -- expect: class	class	method	method
o.kind = "own"                                             -- a store adds the key: the bit is set
print(kind(o))                                             -- expect: own
o.kind = nil                                               -- dead node, bit stays: slow path, right answer
print(kind(o))                                             -- expect: class
rawset(o, "m", function() return "own method" end)         -- rawset adds a key
print(call(o))                                             -- expect: own method

local p = {x = 1}
print(plain(p), plain(p))                                  -- expect: nil	nil
p.kind = "set"
print(plain(p))                                            -- expect: set
p.kind = nil
print(plain(p))                                            -- expect: nil

-- Objects from one constructor site: the third and later come from the site's template
local function new(v) return setmetatable({v = v, kind = v > 2 and "ctor" or nil}, Class) end
local kinds = {}
for i = 1, 5 do kinds[i] = kind(new(i)) end
print(table.concat(kinds, " "))                            -- expect: class class ctor ctor ctor
-- a site that guesses another node for "kind" reads template-made objects: the filter must know their keys
local function kind2(o) return o.kind end
for i = 1, 40 do kinds[i] = kind2(setmetatable({["f" .. i] = i, kind = "c" .. i % 4}, Class)) end
print(table.concat(kinds, " ", 37, 40))                    -- expect: c1 c2 c3 c0
local function new2(v)   -- "kind" comes last, into a nearly full node array: here out of its main position
  return setmetatable({x1 = v, x2 = v, x3 = v, x4 = v, x5 = v, x6 = v, x7 = v, kind = "t" .. v}, Class)
end
local other = setmetatable({x = 1, y = 2, z = 3, w = 4, kind = "o"}, Class)
local empty = setmetatable({}, Class)
for i = 1, 6 do kinds[i] = kind2(empty) .. kind2(other) .. kind2(new2(i)) end   -- class result cached, other's node
print(table.concat(kinds, " ", 1, 6))          -- expect: classot1 classot2 classot3 classot4 classot5 classot6

-- Many keys: most bits set, the filter no longer proves absence; a rehash drops dead keys
local big = setmetatable({}, Class)
for i = 1, 200 do big["k" .. i] = i end
print(kind(big), call(big))                                -- expect: class	method
for i = 1, 200 do big["k" .. i] = nil end
for i = 1, 300 do big[i] = i end                           -- integer keys: the hash part is rebuilt
print(kind(big), call(big), big.k5)                        -- expect: class	method	nil
big.kind = "big"
print(kind(big))                                           -- expect: big

-- Keys built at run time and keys of other types beside the name
local q = setmetatable({[1.5] = "f", [true] = "t", [("ki" .. "nd"):upper()] = "upper"}, Class)
print(kind(q), q[1.5], q[true], q.KIND)                    -- expect: class	f	t	upper
q[("ki" .. "nd")] = "runtime"
print(kind(q))                                             -- expect: runtime

-- The class changes under a site that proved absence in line
local r = setmetatable({a = 1}, Class)
print(kind(r))                                             -- expect: class
Class.kind = "changed"
print(kind(r))                                             -- expect: changed
setmetatable(r, {__index = function(_, k) return "fn " .. k end})
print(kind(r), call(setmetatable({}, {__index = {m = function() return "other" end}})))   -- expect: fn kind	other
