-- Empty statements and semicolons are allowed anywhere between statements.
;;; local a = 1; ; print(a);;  -- expect: 1
