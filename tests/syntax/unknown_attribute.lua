-- expect error: :2: unknown attribute 'static'
local x <static> = 1
