-- resume passes values in, yield passes them out, and back: none, several, nils, many.
local co = coroutine.create(function(...)
  print("args", select("#", ...), ...)
  local a, b, c = coroutine.yield()
  print("got", a, b, c)
  local t = {coroutine.yield(nil, nil, 3)}
  print("many in", #t, t[1], t[300])
  return table.unpack(t, 1, 200)
end)
print(coroutine.resume(co, 1, nil, "x"))  -- expect: args	3	1	nil	x
-- expect: true
print(coroutine.resume(co, "a", "b"))     -- expect: got	a	b	nil
-- expect: true	nil	nil	3
local big = {}
for i = 1, 300 do big[i] = i * 2 end
local r = table.pack(coroutine.resume(co, table.unpack(big)))  -- expect: many in	300	2	600
print(r.n, r[1], r[2], r[201])            -- expect: 201	true	2	400
print(coroutine.resume(co))               -- expect: false	cannot resume dead coroutine
