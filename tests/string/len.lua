-- String length counts bytes.
print(#"hello", string.len("hello"))  -- expect: 5	5
print(#"", ("abc"):len())             -- expect: 0	3
print(#"\u{20AC}")                    -- expect: 3
