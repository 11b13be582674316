-- load of a string skipped a first line starting with '#', as only files do (loadfile, dofile, require):
-- lua5.4 parses it as code there, which is a syntax error.
print(load("#=1"))             -- expect: nil	[string "#=1"]:1: unexpected symbol near '#'
print(load("# comment\nreturn 1", "=chunk"))  -- expect: nil	chunk:1: unexpected symbol near '#'
print(load("return #'abc'")())  -- expect: 3
print(dofile("tests/fixtures/hash_line.lua"))  -- expect: hash ok	2
print(loadfile("tests/fixtures/hash_line.lua")())  -- expect: hash ok	2
