-- expect error: :2: 'do' expected near 'print'
while true print("x") end
