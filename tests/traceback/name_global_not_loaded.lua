-- A global of another _ENV is not in package.loaded: it keeps its call-site name "global 'g'".
local env = {error = error}
local run = load("function g() error('in g') end g()", "=chunk", "t", env)
run()
-- expect stderr: chunk:1: in g
-- expect stderr: stack traceback:
-- expect stderr: 	[C]: in function 'error'
-- expect stderr: 	chunk:1: in global 'g'
-- expect stderr: 	chunk:1: in local 'run'
-- expect stderr: 	tests/traceback/name_global_not_loaded.lua:4: in main chunk
-- expect stderr: 	[C]: in ?
