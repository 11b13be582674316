-- Integers and floats are distinct subtypes of number.
print(math.type(1), math.type(1.0), math.type("1")) -- expect: integer	float	nil
print(type(1), type(1.5))                        -- expect: number	number
print(1, 1.0, -0.0)                              -- expect: 1	1.0	-0.0
print(3 / 1)                                     -- expect: 3.0
print(2^2)                                       -- expect: 4.0
print(7 // 2, 7.0 // 2)                          -- expect: 3	3.0
print(1 + 1.0, 2 * 3)                            -- expect: 2.0	6
