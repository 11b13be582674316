-- expect error: :2: <name> expected near '('
function (x) end
