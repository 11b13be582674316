-- expect error: :4: 'end' expected (to close 'if' at line 2) near <eof>
if true then
  print("x")
