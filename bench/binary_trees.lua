-- binary_trees: allocating and walking many short-lived binary trees beside one long-lived tree (GC stress).
-- Size: maximum depth.

local function make(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return {make(depth), make(depth)}
end

local function check(tree)
  if tree[1] then return 1 + check(tree[1]) + check(tree[2]) end
  return 1
end

local max_depth = tonumber(arg and arg[1]) or 16
if max_depth < 6 then max_depth = 6 end

print("stretch", max_depth + 1, check(make(max_depth + 1)))
local long_lived = make(max_depth)
for depth = 4, max_depth, 2 do
  local iterations = 1
  for _ = 1, max_depth - depth + 4 do iterations = iterations * 2 end
  local sum = 0
  for _ = 1, iterations do sum = sum + check(make(depth)) end
  print("trees", iterations, "depth", depth, "check", sum)
end
print("long lived", max_depth, check(long_lived))
