-- An uncaught error whose value has __tostring is shown through it.
error(setmetatable({}, {__tostring = function() return "custom error" end})) -- expect error: custom error
