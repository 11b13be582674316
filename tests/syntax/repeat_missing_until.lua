-- expect error: :4: 'until' expected (to close 'repeat' at line 2) near <eof>
repeat
  local x = 1
