-- json_codec: a JSON encoder and decoder written as a module table of functions, run over a generated
-- document: string keys, string building with table.concat and "..", escapes and numbers through
-- string.byte/sub/char/format, a recursive-descent decoder; each round decodes what it encoded and checks it.
-- Size: number of records in the document (3 encode/decode rounds).

local json = {}

-- The value that stands for JSON null (nil cannot be stored in a table).
json.null = setmetatable({}, {__tostring = function() return "null" end})

local escapes = {
  ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
  ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t",
}

local function escape_char(c)
  return escapes[c] or string.format("\\u%04x", string.byte(c))
end

function json.encode_string(s)
  return '"' .. string.gsub(s, '[%c"\\]', escape_char) .. '"'
end

function json.encode_number(n)
  if n ~= n or n == math.huge or n == -math.huge then
    error("cannot encode " .. tostring(n))
  end
  if n == math.floor(n) and n > -1e15 and n < 1e15 then
    return string.format("%d", n)
  end
  return string.format("%.14g", n)
end

-- A table is an array when its keys are exactly 1..n (an empty table is an empty array).
function json.is_array(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  for i = 1, n do
    if t[i] == nil then return false end
  end
  return true
end

local encode_value

local function encode_table(t, buf)
  if json.is_array(t) then
    buf[#buf + 1] = "["
    for i = 1, #t do
      if i > 1 then buf[#buf + 1] = "," end
      encode_value(t[i], buf)
    end
    buf[#buf + 1] = "]"
    return
  end
  local keys = {}
  for k in pairs(t) do
    if type(k) ~= "string" then error("object key must be a string") end
    keys[#keys + 1] = k
  end
  table.sort(keys)
  buf[#buf + 1] = "{"
  for i, k in ipairs(keys) do
    if i > 1 then buf[#buf + 1] = "," end
    buf[#buf + 1] = json.encode_string(k) .. ":"
    encode_value(t[k], buf)
  end
  buf[#buf + 1] = "}"
end

encode_value = function(v, buf)
  local ty = type(v)
  if v == json.null then
    buf[#buf + 1] = "null"
  elseif ty == "table" then
    encode_table(v, buf)
  elseif ty == "string" then
    buf[#buf + 1] = json.encode_string(v)
  elseif ty == "number" then
    buf[#buf + 1] = json.encode_number(v)
  elseif ty == "boolean" then
    buf[#buf + 1] = v and "true" or "false"
  else
    error("cannot encode a " .. ty)
  end
end

function json.encode(v)
  local buf = {}
  encode_value(v, buf)
  return table.concat(buf)
end

-- Decoding: each function takes the text and a position and returns the value and the next position.
local decode_value

local function decode_error(s, pos, what)
  error(string.format("json: %s at byte %d near %q", what, pos, string.sub(s, pos, pos + 10)))
end

local function skip_space(s, pos)
  local _, e = string.find(s, "^[ \n\r\t]*", pos)
  return e + 1
end

-- Returns the UTF-8 encoding of code point "cp".
local function utf8_char(cp)
  if cp < 0x80 then return string.char(cp) end
  if cp < 0x800 then
    return string.char(0xC0 + math.floor(cp / 64), 0x80 + cp % 64)
  end
  return string.char(0xE0 + math.floor(cp / 4096), 0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64)
end

local unescapes = {
  [string.byte('"')] = '"', [string.byte("\\")] = "\\", [string.byte("/")] = "/",
  [string.byte("b")] = "\b", [string.byte("f")] = "\f", [string.byte("n")] = "\n",
  [string.byte("r")] = "\r", [string.byte("t")] = "\t",
}

local function decode_string(s, pos)
  local parts = {}
  local i = pos + 1
  while true do
    local j = string.find(s, '["\\]', i)
    if not j then decode_error(s, pos, "unterminated string") end
    if j > i then parts[#parts + 1] = string.sub(s, i, j - 1) end
    if string.byte(s, j) == 34 then
      return table.concat(parts), j + 1
    end
    local c = string.byte(s, j + 1)
    if c == 117 then -- \uXXXX
      local hex = string.sub(s, j + 2, j + 5)
      local cp = tonumber(hex, 16)
      if not cp then decode_error(s, j, "bad unicode escape") end
      parts[#parts + 1] = utf8_char(cp)
      i = j + 6
    else
      local u = unescapes[c]
      if not u then decode_error(s, j, "bad escape") end
      parts[#parts + 1] = u
      i = j + 2
    end
  end
end

local function decode_number(s, pos)
  local _, e = string.find(s, "^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
  if not e then decode_error(s, pos, "bad number") end
  local n = tonumber(string.sub(s, pos, e))
  if not n then decode_error(s, pos, "bad number") end
  return n, e + 1
end

-- Each item reader stores one element into "t" and returns the position after it.
local function read_element(s, pos, t)
  local v
  v, pos = decode_value(s, pos)
  t[#t + 1] = v
  return pos
end

local function read_member(s, pos, t)
  if string.byte(s, pos) ~= 34 then decode_error(s, pos, "expected a key") end
  local key
  key, pos = decode_string(s, pos)
  pos = skip_space(s, pos)
  if string.byte(s, pos) ~= 58 then decode_error(s, pos, "expected ':'") end
  t[key], pos = decode_value(s, skip_space(s, pos + 1))
  return pos
end

-- Reads "[a, b]" or "{k: v, ...}" from the opening bracket at "pos": items separated by commas up to the
-- byte "close", each read by "read_item".
local function decode_container(s, pos, close, read_item)
  local t = {}
  pos = skip_space(s, pos + 1)
  if string.byte(s, pos) == close then return t, pos + 1 end
  while true do
    pos = skip_space(s, read_item(s, pos, t))
    local c = string.byte(s, pos)
    if c == close then return t, pos + 1 end
    if c ~= 44 then decode_error(s, pos, "expected ',' or '" .. string.char(close) .. "'") end
    pos = skip_space(s, pos + 1)
  end
end

local literals = {t = {"true", true}, f = {"false", false}, n = {"null", json.null}}

decode_value = function(s, pos)
  local c = string.byte(s, pos)
  if c == 123 then return decode_container(s, pos, 125, read_member) end
  if c == 91 then return decode_container(s, pos, 93, read_element) end
  if c == 34 then return decode_string(s, pos) end
  if c == 45 or (c and c >= 48 and c <= 57) then return decode_number(s, pos) end
  local lit = literals[string.sub(s, pos, pos)]
  if lit and string.sub(s, pos, pos + #lit[1] - 1) == lit[1] then
    return lit[2], pos + #lit[1]
  end
  decode_error(s, pos, "unexpected character")
end

function json.decode(s)
  local v, pos = decode_value(s, skip_space(s, 1))
  pos = skip_space(s, pos)
  if pos <= #s then decode_error(s, pos, "trailing garbage") end
  return v
end

-- The document: records with names, numbers, tags, nested objects and awkward strings.
local seed = 12345
local function random(n)
  seed = seed * 16807 % 2147483647
  return seed % n
end

local syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "xe", "zo", "an", "el"}
local odd_bits = {'"', "\\", "\n", "\t", "/", "\1", "\31", "\195\169", "\226\130\172", " "}

local function make_word(len)
  local parts = {}
  for i = 1, len do parts[i] = syllables[random(#syllables) + 1] end
  return table.concat(parts)
end

local function make_record(i)
  local tags = {}
  for j = 1, random(5) do tags[j] = make_word(1 + random(2)) end
  local rec = {
    id = i,
    name = make_word(2 + random(3)) .. " " .. make_word(2),
    score = (random(2000000) - 1000000) / 1000,
    ratio = random(1000) / 7,
    count = random(100000),
    active = random(2) == 1,
    tags = tags,
    parent = json.null,
    pos = {x = random(2001) - 1000, y = random(2001) - 1000},
  }
  if i > 1 then rec.parent = i - 1 - random(math.min(i - 1, 10)) end
  if random(4) == 0 then
    rec.note = "say " .. odd_bits[random(#odd_bits) + 1] .. make_word(1) .. odd_bits[random(#odd_bits) + 1]
  end
  if random(8) == 0 then
    rec.history = {}
    for j = 1, 1 + random(4) do
      rec.history[j] = {step = j, value = random(1000) / 8, label = make_word(1)}
    end
  end
  return rec
end

local function make_document(n)
  local records = {}
  for i = 1, n do records[i] = make_record(i) end
  return {version = 3, generator = "vmc bench", records = records, empty = {}, meta = {
    count = n, units = "m/s", flags = {true, false, json.null}, unicode = "caf\195\169 \226\130\172",
  }}
end

-- A checksum over a decoded value: keys in sorted order, numbers through a fixed-point rounding.
local MOD = 1000000007

local function hash_string(h, s)
  for i = 1, #s do h = (h * 31 + string.byte(s, i)) % MOD end
  return h
end

local function checksum(v, h)
  local ty = type(v)
  if v == json.null then return (h * 7 + 1) % MOD end
  if ty == "boolean" then return (h * 7 + (v and 2 or 3)) % MOD end
  if ty == "number" then return (h * 7 + math.floor(v * 1000 + 0.5) % MOD) % MOD end
  if ty == "string" then return hash_string((h * 7 + 4) % MOD, v) end
  if json.is_array(v) then
    h = (h * 7 + 5) % MOD
    for i = 1, #v do h = checksum(v[i], h) end
    return h
  end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys)
  h = (h * 7 + 6) % MOD
  for _, k in ipairs(keys) do h = checksum(v[k], hash_string(h, k)) end
  return h
end

local probe = json.decode(' ["caf\\u00e9 \\u20ac\\n", -1.5e3, {"a": [ ]}, null] ')
if probe[1] ~= "caf\195\169 \226\130\172\n" or probe[2] ~= -1500 or probe[4] ~= json.null then
  error("decoder self-test failed")
end

local n = tonumber(arg and arg[1]) or 8000
local doc = make_document(n)
local text = json.encode(doc)
local first = text
local total, decoded = 0, nil
for round = 1, 3 do
  decoded = json.decode(text)
  local again = json.encode(decoded)
  if again ~= first then error("round " .. round .. ": re-encoding differs") end
  total = (total + checksum(decoded, round)) % MOD
  text = again
end
print(string.format("bytes %d records %d", #text, #decoded.records))
print("sample " .. json.encode(decoded.records[math.floor(n / 2) + 1]))
print(string.format("checksum %d", total))
