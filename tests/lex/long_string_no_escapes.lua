-- Escapes are not interpreted inside long strings.
print([[a\nb]])             -- expect: a\nb
print(#[[\t]])              -- expect: 2
print([==[\z  "quoted" 'single']==]) -- expect: \z  "quoted" 'single'
