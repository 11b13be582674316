-- expect error: :3: <eof> expected near 'end'
print(1)
end
