-- expect error: :3: 'end' expected (to close 'do' at line 2) near 'print'
do return 1
print("after return")
end
