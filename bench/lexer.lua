-- lexer: a Lua tokenizer written in Lua, run over a large generated Lua-like source; string.byte,
-- anchored string.find and string.sub. Prints its throughput on a "# " line (not compared).
-- Size: number of generated functions in the source (about 420 bytes each).

local byte, find, sub, format = string.byte, string.find, string.sub, string.format
local M = 1000003

local function generate(nfuncs)
  local out = {}
  for i = 1, nfuncs do
    local k = i % 97
    out[#out + 1] = format([=[
-- function number %d: computes something
local function name_%d(a, b, ...)
  local x = a * %d + b / 3.5e2 - 0x%X
  if x >= 10 and not (b ~= %d) or x <= -1.25 then
    return "str\"ing %d" .. 'single\'s' .. [==[long %d]==]
  end
  --[[ a long
       comment %d ]]
  for i = 1, #t do x = x + t[i] %% 7 end
  local s = {1, 2.5, name_%d, key = "v", ["k"] = x}
  return x, s, ..., a.b:c(x) ~= nil, 3 // 2 << 1
end
]=], i, i, k, i * 31, k, i, k, i, i)
  end
  return table.concat(out)
end

local keywords = {}
for w in string.gmatch("and break do else elseif end false for function goto if in local nil not or repeat "
                       .. "return then true until while", "%a+") do
  keywords[w] = true
end

local ident_start, digit, space = {}, {}, {}
for c = byte("a"), byte("z") do ident_start[c] = true end
for c = byte("A"), byte("Z") do ident_start[c] = true end
ident_start[byte("_")] = true
for c = byte("0"), byte("9") do digit[c] = true end
space[byte(" ")], space[byte("\t")], space[byte("\r")] = true, true, true

local ops3 = {["..."] = true}
local ops2 = {["=="] = true, ["~="] = true, ["<="] = true, [">="] = true, [".."] = true, ["::"] = true,
              ["//"] = true, ["<<"] = true, [">>"] = true}

local NL, DASH, LBRACKET, QUOTE, APOS, BACKSLASH = 10, byte("-"), byte("["), byte('"'), byte("'"), byte("\\")

-- Returns the position just past a long bracket that opens at "pos" ("[[" or "[=[" ...), or nil.
local function long_bracket(src, pos)
  local s, e = find(src, "^%[=*%[", pos)
  if not s then return nil end
  local close = "]" .. string.rep("=", e - s - 1) .. "]"
  local _, ce = find(src, close, e + 1, true)
  return ce + 1
end

-- Returns the position just past a quoted string that opens at "pos".
local function quoted(src, pos, q)
  local p = pos + 1
  while true do
    local c = byte(src, p)
    if c == BACKSLASH then p = p + 2
    elseif c == q then return p + 1
    else p = p + 1 end
  end
end

local function lex(src)
  local counts = {name = 0, keyword = 0, number = 0, string = 0, comment = 0, op = 0, line = 1}
  local hash = 0
  local pos, len = 1, #src
  while pos <= len do
    local c = byte(src, pos)
    local stop, kind
    if c == NL then
      counts.line = counts.line + 1
      pos = pos + 1
    elseif space[c] then
      pos = pos + 1
    else
      if ident_start[c] then
        local _, e = find(src, "^[%w_]*", pos + 1)
        stop = e + 1
        if keywords[sub(src, pos, e)] then kind = "keyword" else kind = "name" end
      elseif digit[c] then
        local _, e = find(src, "^0[xX]%x+", pos)
        if not e then _, e = find(src, "^%d+%.?%d*[eE][%+%-]?%d+", pos) end
        if not e then _, e = find(src, "^%d+%.?%d*", pos) end
        stop, kind = e + 1, "number"
      elseif c == QUOTE or c == APOS then
        stop, kind = quoted(src, pos, c), "string"
      elseif c == DASH and byte(src, pos + 1) == DASH then
        stop = long_bracket(src, pos + 2)
        if not stop then
          local nl = find(src, "\n", pos, true)
          stop = nl or len + 1
        end
        kind = "comment"
      elseif c == LBRACKET and long_bracket(src, pos) then
        stop, kind = long_bracket(src, pos), "string"
      elseif ops3[sub(src, pos, pos + 2)] then
        stop, kind = pos + 3, "op"
      elseif ops2[sub(src, pos, pos + 1)] then
        stop, kind = pos + 2, "op"
      else
        stop, kind = pos + 1, "op"
      end
      counts[kind] = counts[kind] + 1
      hash = (hash * 31 + (stop - pos) + c) % M
      pos = stop
    end
  end
  return counts, hash
end

local nfuncs = tonumber(arg and arg[1]) or 48000
local src = generate(nfuncs)
local t0 = os.clock()
local counts, hash = lex(src)
local elapsed = os.clock() - t0
if elapsed <= 0 then elapsed = 1e-6 end
print(format("# lexer: %d bytes in %.3f s, %.2f MB/s", #src, elapsed, #src / elapsed / 1e6))
print("bytes", #src, "lines", counts.line)
print("names", counts.name, "keywords", counts.keyword, "numbers", counts.number)
print("strings", counts.string, "comments", counts.comment, "ops", counts.op)
print("hash", hash)
