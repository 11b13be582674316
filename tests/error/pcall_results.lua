-- pcall returns true and all results on success.
print(pcall(function() return 1, 2, 3 end))   -- expect: true	1	2	3
print(pcall(function() end))                  -- expect: true
print(select("#", pcall(function() return nil, nil end))) -- expect: 3
print(pcall(math.max, 3, 9, 4))               -- expect: true	9
