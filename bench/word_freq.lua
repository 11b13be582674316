-- word_freq: word and word-pair frequencies over a generated text: words built at run time from syllables
-- and from string.char of random letters, a text joined with table.concat and split again with gmatch,
-- counts in tables keyed by the words (so string interning and hashing matter), then sorted by count and
-- word.
-- Size: number of words in the text.

local M = 1000000007

-- Park-Miller: the products stay below 2^53, so integers and doubles agree.
local seed = 20240601
local function random(n)
  seed = seed * 16807 % 2147483647
  return seed % n
end

-- Low indexes are likelier than high ones: a rough Zipf-like skew.
local function skewed(n)
  local a, b = random(n), random(n)
  if a < b then return a end
  return b
end

local syllables = {
  "the", "an", "of", "in", "ro", "ma", "ti", "ka", "en", "lo", "si", "pe", "ra", "un", "do", "mi",
  "ver", "sta", "qui", "gor", "bel", "fan", "dra", "cul", "zen", "tho", "wix", "ple", "nor", "ash",
}

local function make_word()
  if random(20) == 0 then
    local letters = {}
    for i = 1, 3 + random(5) do letters[i] = string.char(97 + random(26)) end
    return table.concat(letters)
  end
  local w = syllables[skewed(#syllables) + 1]
  for _ = 1, skewed(3) do w = w .. syllables[skewed(#syllables) + 1] end
  return w
end

local function make_text(nwords)
  local lines, line = {}, {}
  local sentence_start = true
  for _ = 1, nwords do
    local w = make_word()
    if sentence_start then
      w = string.upper(string.sub(w, 1, 1)) .. string.sub(w, 2)
      sentence_start = false
    end
    local r = random(16)
    if r == 0 then
      w = w .. "."
      sentence_start = true
    elseif r == 1 then
      w = w .. ","
    end
    line[#line + 1] = w
    if #line == 12 then
      lines[#lines + 1] = table.concat(line, " ")
      line = {}
    end
  end
  lines[#lines + 1] = table.concat(line, " ")
  return table.concat(lines, "\n")
end

-- Counts words and adjacent pairs; returns the two tables and the number of words seen.
local function count_words(text)
  local words, pairs_ = {}, {}
  local prev = nil
  local n = 0
  for raw in string.gmatch(text, "%a+") do
    local w = string.lower(raw)
    words[w] = (words[w] or 0) + 1
    if prev then
      local pair = prev .. " " .. w
      pairs_[pair] = (pairs_[pair] or 0) + 1
    end
    prev = w
    n = n + 1
  end
  return words, pairs_, n
end

local function by_count_then_word(a, b)
  if a.count ~= b.count then return a.count > b.count end
  return a.word < b.word
end

local function sorted_entries(counts)
  local entries = {}
  for w, c in pairs(counts) do entries[#entries + 1] = {word = w, count = c} end
  table.sort(entries, by_count_then_word)
  return entries
end

local function checksum(entries)
  local h = 0
  for rank, e in ipairs(entries) do
    local wh = 0
    local w = e.word
    for i = 1, #w do wh = (wh * 31 + string.byte(w, i)) % M end
    h = (h * 17 + wh + rank * e.count) % M
  end
  return h
end

local nwords = tonumber(arg and arg[1]) or 300000
local text = make_text(nwords)
local words, pairs_, seen = count_words(text)
local top_words = sorted_entries(words)
local top_pairs = sorted_entries(pairs_)
local longest = ""
for _, e in ipairs(top_words) do
  if #e.word > #longest or (#e.word == #longest and e.word < longest) then longest = e.word end
end
print(string.format("text %d bytes, %d words, %d distinct, %d distinct pairs", #text, seen, #top_words,
                    #top_pairs))
for i = 1, 8 do
  print(string.format("%-12s %d", top_words[i].word, top_words[i].count))
end
for i = 1, 4 do
  print(string.format("%-20s %d", top_pairs[i].word, top_pairs[i].count))
end
print("longest " .. longest)
print(string.format("checksum %d %d", checksum(top_words), checksum(top_pairs)))
