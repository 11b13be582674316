-- An uncaught error whose value is a number is printed as the number, without a position.
error(42) -- expect error: 42
