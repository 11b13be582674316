-- The standard library tables are present.
local names = {}
for _, lib in ipairs({"string", "table", "math", "io", "os", "coroutine", "utf8", "package", "debug"}) do
  names[#names + 1] = lib .. "=" .. type(_G[lib])
end
print(table.concat(names, " ")) -- expect: string=table table=table math=table io=table os=table coroutine=table utf8=table package=table debug=table
print(_VERSION)                 -- expect: Lua 5.4
