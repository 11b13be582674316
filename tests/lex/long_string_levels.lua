-- Long brackets of levels 0 to 3; the first newline right after the opening bracket is skipped.
print([[level 0]])                  -- expect: level 0
print([=[has ]] inside]=])          -- expect: has ]] inside
print([==[has ]=] and ]] inside]==]) -- expect: has ]=] and ]] inside
print([===[x]==]y]===])             -- expect: x]==]y
local s = [[
first
second]]
print(s)
-- expect: first
-- expect: second
print(#[[
]])                                 -- expect: 0
