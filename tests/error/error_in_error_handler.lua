-- A message handler that itself errors.
print(xpcall(function() error("first") end, function(m) error("second") end)) -- expect: false	error in error handling
