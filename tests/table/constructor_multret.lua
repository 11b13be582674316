-- A call in the last position of a constructor is expanded; elsewhere it is truncated.
local function three() return 1, 2, 3 end
local t = {three()}
print(#t)                    -- expect: 3
local u = {three(), three()}
print(#u, u[1], u[2], u[4])  -- expect: 4	1	1	3
local v = {(three())}
print(#v)                    -- expect: 1
local w = {three(), x = 1}
print(#w)                    -- expect: 1
local function none() end
print(#{none()}, #{none(), 5}) -- expect: 0	2
print(#{...})                -- expect: 0
