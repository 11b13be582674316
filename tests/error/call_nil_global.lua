-- Calling an undefined global names it.
print("ok") -- expect: ok
undefined_function(1) -- expect error: :3: attempt to call a nil value (global 'undefined_function')
