-- Globals spring into existence on assignment and vanish when set to nil.
print(newglobal)         -- expect: nil
newglobal = 5
print(newglobal, _G.newglobal) -- expect: 5	5
newglobal = nil
print(rawget(_G, "newglobal")) -- expect: nil
