-- expect error: :2: '=' or 'in' expected near 'do'
for i do end
