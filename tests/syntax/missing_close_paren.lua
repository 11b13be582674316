-- expect error: :3: ')' expected (to close '(' at line 2) near 'end'
print((1 + 2)
end
