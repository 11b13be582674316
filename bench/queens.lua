-- queens: counting the solutions of the n-queens problem by backtracking over boolean arrays.
-- Size: n, the board size.

local function solve(n)
  local cols, up, down = {}, {}, {}
  for i = 1, n do cols[i] = false end
  for i = 1, 2 * n do up[i] = false; down[i] = false end
  local solutions, nodes = 0, 0
  local function place(row)
    if row > n then
      solutions = solutions + 1
      return
    end
    for c = 1, n do
      local u, d = row + c, row - c + n
      if not cols[c] and not up[u] and not down[d] then
        nodes = nodes + 1
        cols[c], up[u], down[d] = true, true, true
        place(row + 1)
        cols[c], up[u], down[d] = false, false, false
      end
    end
  end
  place(1)
  return solutions, nodes
end

local n = tonumber(arg and arg[1]) or 13
for k = 4, n do
  local s, nodes = solve(k)
  print(k, s, nodes)
end
