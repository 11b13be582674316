-- A deep tail-call loop inside pcall; an error at the bottom unwinds to pcall, which restores its frames.
local function down(n) if n == 0 then return "bottom" end return down2(n - 1) end
function down2(n) return down(n) end
print(pcall(down, 1000000))  -- expect: true	bottom
local function fail(n) if n == 0 then error("deep " .. n) end return fail2(n - 1) end
function fail2(n) return fail(n) end
print(pcall(fail, 1000000))  -- expect: false	tests/func/tail_call_pcall.lua:5: deep 0
-- after the error, calls and non-tail recursion still work, and still overflow
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(1000))  -- expect: 1000
local function inf(n) return 1 + inf(n + 1) end
local ok, msg = pcall(inf, 1)
print(ok, (string.find(msg, "stack overflow", 1, true)) ~= nil)  -- expect: false	true
print(select(2, pcall(down, 10)))  -- expect: bottom
