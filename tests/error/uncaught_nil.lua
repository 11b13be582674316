-- An uncaught error with a nil value.
error() -- expect error: nil
