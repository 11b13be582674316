-- 'break' outside a loop is reported at the end of the enclosing function (here, the chunk's <eof>).
-- expect error: :6: break outside loop at line 4
for i = 1, 2 do if i then break end end
break
print("never")
