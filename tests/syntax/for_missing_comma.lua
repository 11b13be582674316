-- expect error: :2: ',' expected near 'do'
for i = 1 do end
