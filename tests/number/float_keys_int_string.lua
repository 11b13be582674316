-- Number to string conversion is what tostring does, for both subtypes.
print(10 .. "")        -- expect: 10
print(10.0 .. "")      -- expect: 10.0
print(-0.0 .. "")      -- expect: -0.0
print(2^63 .. "")      -- expect: 9.2233720368548e+18
print(1e100 .. "")     -- expect: 1e+100
