-- Proper tail calls: mutual recursion 1,000,000 deep through global functions runs in constant stack.
function ping(n, acc) if n == 0 then return acc end return pong(n - 1, acc + 1) end
function pong(n, acc) if n == 0 then return -acc end return ping(n - 1, acc + 2) end
print(ping(1000000, 0))  -- expect: 1500000
print(ping(1000001, 0))  -- expect: -1500001
