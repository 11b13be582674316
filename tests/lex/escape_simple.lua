-- The one-letter escapes map to their control characters.
print(("\a\b\f\n\r\t\v"):byte(1, -1)) -- expect: 7	8	12	10	13	9	11
print("back\\slash")                  -- expect: back\slash
print("dq\"sq\'")                     -- expect: dq"sq'
print('sq\'dq\"')                     -- expect: sq'dq"
