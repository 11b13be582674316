-- \xXX takes exactly two hexadecimal digits, either case.
print("\x41\x62\x7A")        -- expect: Abz
print(("\xff\xFF"):byte(1, 2)) -- expect: 255	255
print("\x414")               -- expect: A4
