-- Not an error: the same label name may be used in a nested block and in the enclosing one.
do ::top:: end
::top::
print("ok") -- expect: ok
