-- package.searchpath left empty templates ("a?;;b?") out of its message; lua5.4 lists them as "no file ''".
print(package.searchpath("x", "a?;;b?"))
-- expect: nil	no file 'ax'
-- expect: 	no file ''
-- expect: 	no file 'bx'
print(package.searchpath("m.n", ";"))
-- expect: nil	no file ''
-- expect: 	no file ''
print(package.searchpath("m.n", ""))     -- expect: nil	no file ''
print(package.searchpath("m.n", "p/?;"))
-- expect: nil	no file 'p/m/n'
-- expect: 	no file ''
