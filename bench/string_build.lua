-- string_build: building strings by repeated concatenation (..), table.concat, string.rep and string.format.
-- Size: number of rounds.

local M = 1000003
local concat, format, rep, byte = table.concat, string.format, string.rep, string.byte

local rounds = tonumber(arg and arg[1]) or 150000
local total = 0
for r = 1, rounds do
  local s = ""
  for i = 1, 40 do s = s .. i .. "," end
  local parts = {}
  for i = 1, 40 do parts[#parts + 1] = "item" .. (i + r % 13) end
  local joined = concat(parts, ";")
  local padded = rep("ab", r % 10) .. format("%d:%s:%5d", r, "x", r % 1000)
  local line = s .. "|" .. joined .. "|" .. padded
  total = (total + #line * 7 + byte(line, #line) + byte(joined, r % #joined + 1)) % M
end
print(total)
