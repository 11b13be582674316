-- io.lines(name) returns four values, the fourth the file as the generic for's closing value: leaving the loop
-- early (break, error) closes the file.
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("one\ntwo\nthree\n")
f:close()
print(select("#", io.lines(name))) -- expect: 4
local it, s, c, file = io.lines(name)
print(s, c, io.type(file)) -- expect: nil	nil	file
for line in it, s, c, file do
  print(line)
  break
end
print(io.type(file)) -- expect: one
-- expect: closed file
local it2, _, _, file2 = io.lines(name)
print(pcall(function() for l in it2, nil, nil, file2 do error("stop", 0) end end)) -- expect: false	stop
print(io.type(file2)) -- expect: closed file
for l in io.lines(name) do io.write(l, " ") end
print() -- expect: one two three 
os.remove(name)
