-- needs: collector
-- A program that never calls collectgarbage still has its garbage collected as it allocates: 400 MB of short-lived
-- tables, at most a few MB live. (Once the program ran on a stack of its own, the collector paced itself by the
-- distance from that stack to the old one and never collected: the heap grew to the total allocated.)
local peak = 0
local keep
for i = 1, 4000000 do
  keep = {i, i + 1, x = i}
  if i % 100000 == 0 then
    local kb = collectgarbage("count")
    if kb > peak then peak = kb end
  end
end
print(keep.x, peak < 64 * 1024)                 -- expect: 4000000	true
