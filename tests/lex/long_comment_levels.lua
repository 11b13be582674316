--[[ a long comment
print("not run")
]]
print("after level 0")      -- expect: after level 0
--[==[ contains ]] and ]=]
print("still a comment")
]==]
print("after level 2")      -- expect: after level 2
--[[ one line ]] print("same line") -- expect: same line
---[[ not a long comment: a line comment starting with -
print("runs")               -- expect: runs
--]]
