-- \ddd takes up to three decimal digits.
print("\65\066\0671")        -- expect: ABC1
print(#"\0\00\000")          -- expect: 3
print(("\255"):byte())       -- expect: 255
print("\0491")               -- expect: 11
