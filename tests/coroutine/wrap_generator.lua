-- coroutine.wrap makes generators: a for loop drives one, and they nest (a sieve of filters).
local function gen(n)
  return coroutine.wrap(function() for i = 2, n do coroutine.yield(i) end end)
end
local function filter(p, g)
  return coroutine.wrap(function()
    for n in g do
      if n % p ~= 0 then coroutine.yield(n) end
    end
  end)
end
local primes, x = {}, gen(60)
while true do
  local n = x()
  if n == nil then break end
  primes[#primes + 1] = n
  x = filter(n, x)
end
print(#primes, table.concat(primes, " "))  -- expect: 17	2 3 5 7 11 13 17 19 23 29 31 37 41 43 47 53 59
-- permutations by recursive generation, yielded from deep inside
local function permgen(a, n)
  if n <= 1 then coroutine.yield(a) return end
  for i = 1, n do
    a[n], a[i] = a[i], a[n]
    permgen(a, n - 1)
    a[n], a[i] = a[i], a[n]
  end
end
local count, last = 0
for p in coroutine.wrap(function() permgen({1, 2, 3, 4}, 4) end) do
  count = count + 1
  last = table.concat(p)
end
print(count, last)  -- expect: 24	1234
