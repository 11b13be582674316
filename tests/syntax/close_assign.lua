-- expect error: :3: attempt to assign to const variable 'c'
local c <close> = nil
c = 2
