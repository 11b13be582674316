-- An uncaught error at level 0 carries no position.
error("no position", 0) -- expect error: no position
