-- pattern_match: Lua patterns over generated text: string.find (plain and patterns), string.match,
-- string.gmatch and string.gsub with string and function replacements.
-- Size: number of rounds over a 2,000-line text.

local M = 1000003
local find, match, gmatch, gsub = string.find, string.match, string.gmatch, string.gsub

local seed = 7
local function random(m)
  seed = (seed * 16807) % 2147483647
  return seed % m
end

local words = {"alpha", "beta", "gamma", "delta", "needle", "omega", "sigma", "kappa", "lambda", "theta"}
local lines = {}
for i = 1, 2000 do
  local w1, w2 = words[random(#words) + 1], words[random(#words) + 1]
  lines[i] = w1 .. "_" .. random(1000) .. " " .. w2 .. "  key" .. random(50) .. "=" .. random(100000)
             .. "; " .. words[random(#words) + 1] .. " (" .. random(99) .. ")"
end
local text = table.concat(lines, "\n") .. "\n"

local rounds = tonumber(arg and arg[1]) or 180
local total = 0
for r = 1, rounds do
  local plain = 0
  local pos = 1
  while true do
    local s, e = find(text, "needle", pos, true)
    if not s then break end
    plain = plain + 1
    pos = e + 1
  end
  local nwords = 0
  for _ in gmatch(text, "%a+") do nwords = nwords + 1 end
  local numsum = 0
  for d in gmatch(text, "%d+") do numsum = numsum + tonumber(d) end
  local swapped, nswap = gsub(text, "(%w+)=(%w+)", "%2=%1")
  local _, nspace = gsub(text, "%s+", " ")
  local bracketed = gsub(text, "%((%d+)%)", function(d) return "[" .. (tonumber(d) + r) .. "]" end)
  local keyed = 0
  for line in gmatch(text, "[^\n]+") do
    local k, v = match(line, "key(%d+)=(%d+)")
    if k and find(line, "^" .. words[r % #words + 1]) then keyed = keyed + tonumber(k) + tonumber(v) end
  end
  total = (total + plain + nwords + numsum + nswap + #swapped + nspace + #bracketed + keyed) % M
end
print(total)
