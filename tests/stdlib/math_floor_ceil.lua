-- math.floor and math.ceil return integers when the result fits (so -0.0 becomes 0).
print(math.floor(3.7), math.ceil(3.2))     -- expect: 3	4
print(math.floor(-3.7), math.ceil(-3.2))   -- expect: -4	-3
print(math.floor(5), math.ceil(5))         -- expect: 5	5
print(math.type(math.floor(2.0)))          -- expect: integer
print(math.floor(2^70))                    -- expect: 1.1805916207174e+21
print(math.floor(-0.0), math.ceil(-0.5))   -- expect: 0	0
