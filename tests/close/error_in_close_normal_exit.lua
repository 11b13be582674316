-- An error in __close at a normal scope exit is an ordinary error: the remaining variables are closed with it.
local log = {}
local quiet = setmetatable({}, {__close = function(_, e) log[#log + 1] = "a got " .. tostring(e) end})
local failing = setmetatable({}, {__close = function(_, e) log[#log + 1] = "b got " .. tostring(e); error("boom", 0) end})
print(pcall(function()
  local a <close> = quiet
  do
    local b <close> = failing
  end
  print("not reached")
end)) -- expect: false	boom
print(table.concat(log, "; ")) -- expect: b got nil; a got boom
