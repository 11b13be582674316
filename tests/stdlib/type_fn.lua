-- type returns the name of a value's type.
print(type(nil), type(true), type(1), type("s")) -- expect: nil	boolean	number	string
print(type({}), type(print), type(type))          -- expect: table	function	function
print(type(coroutine.create(function() end)))     -- expect: thread
print(pcall(type))                                -- expect: false	bad argument #1 to 'type' (value expected)
