-- load with an environment table.
local env = {y = 10}
local f = load("z = y * 2; return z", "chunk", "t", env)
print(f())          -- expect: 20
print(env.z, z)     -- expect: 20	nil
local g = load("return print", "c", "t", {})
print(g())          -- expect: nil
