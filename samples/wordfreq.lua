-- wordfreq.lua: text processing. Counts the words of a text and prints the ten most frequent.
-- Reads standard input with `-` as argument (vmc run samples/wordfreq.lua - < file), else a built-in text.
local text = [[
Lua is a powerful, efficient, lightweight, embeddable scripting language. It supports procedural
programming, object-oriented programming, functional programming, data-driven programming, and data
description. Lua combines simple procedural syntax with powerful data description constructs based on
associative arrays and extensible semantics. Lua is dynamically typed, runs by interpreting bytecode
with a register-based virtual machine, and has automatic memory management with incremental garbage
collection, making it ideal for configuration, scripting, and rapid prototyping.
]]
if arg and arg[1] == "-" then text = io.read("a") end

-- Split into lower-case words made of letters, without patterns: scan the bytes.
local counts, order = {}, {}
local i, n = 1, #text
local function isletter(b) return (b >= 65 and b <= 90) or (b >= 97 and b <= 122) end
while i <= n do
  while i <= n and not isletter(text:byte(i)) do i = i + 1 end
  local j = i
  while j <= n and isletter(text:byte(j)) do j = j + 1 end
  if j > i then
    local w = text:sub(i, j - 1):lower()
    if not counts[w] then counts[w] = 0; order[#order + 1] = w end
    counts[w] = counts[w] + 1
  end
  i = j
end

table.sort(order, function(a, b)
  if counts[a] ~= counts[b] then return counts[a] > counts[b] end
  return a < b
end)
local total = 0
for _, w in ipairs(order) do total = total + counts[w] end
print(string.format("%d words, %d distinct", total, #order))
for k = 1, math.min(10, #order) do
  print(string.format("%2d. %-12s %3d", k, order[k], counts[order[k]]))
end
