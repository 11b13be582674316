-- math.modf splits a number into integral and fractional parts; the integral part is an integer when it
-- fits (lua5.4 prints "3", not "3.0"), the fractional part is always a float.
print(math.modf(3.7))     -- expect: 3	0.7
print(math.modf(-3.5))    -- expect: -3	-0.5
print(math.modf(5))       -- expect: 5	0.0
print(math.modf(1/0))     -- expect: inf	0.0
print(math.type(math.modf(3.7)), math.type(select(2, math.modf(5)))) -- expect: integer	float
