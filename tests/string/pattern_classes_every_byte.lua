-- Every character class, lower and upper case, in patterns and in sets, against all 256 bytes; and after
-- os.setlocale (pattern.c keeps the classes in tables built from <ctype.h> for the current locale).
local all = {}
for c = 0, 255 do all[#all + 1] = string.char(c) end
all = table.concat(all)

local function sum(s)   -- a checksum of the bytes matched, in order
  local h = 0
  for i = 1, #s do h = (h * 31 + s:byte(i)) % 1000000007 end
  return #s .. "/" .. h
end

local function classes()
  local out = {}
  for cl in ("acdglpsuwxz"):gmatch(".") do
    local lo = sum((all:gsub("%" .. cl, "")))
    local up = sum((all:gsub("%" .. cl:upper(), "")))
    local set = sum(table.concat({all:match("^(%" .. cl .. "*)")}) .. (all:gsub("[^%" .. cl .. "]", "")))
    out[#out + 1] = cl .. " " .. lo .. " " .. up .. " " .. set
  end
  return table.concat(out, "\n")
end

print(classes())
-- expect: a 204/205412855 52/815729381 52/815729381
-- expect: c 223/149459614 33/949731635 65/532739672
-- expect: d 246/664501200 10/948079720 10/948079720
-- expect: g 162/700377451 94/82009482 94/82009482
-- expect: l 230/317851293 26/854885174 26/854885174
-- expect: p 224/582890080 32/127892342 32/127892342
-- expect: s 250/322563828 6/267237237 6/267237237
-- expect: u 230/334850171 26/458564401 26/458564401
-- expect: w 194/47708940 62/854764391 62/854764391
-- expect: x 234/879871413 22/542078982 22/542078982
-- expect: z 255/401483067 1/0 2/0
local before = classes()
os.setlocale("C")
print(classes() == before)                                 -- expect: true
-- a replacement function that sets the locale between matches
print((("a1b2"):gsub("%a", function(c) os.setlocale("C"); return c:upper() end)))   -- expect: A1B2
print(("x%d"):match("%%(%a)"), ("[]"):find("[%]]"), ("A"):match("[%U]"))             -- expect: d	2	nil
