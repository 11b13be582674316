-- Indexing an undefined global names the global.
print(undefined_table.field) -- expect error: :2: attempt to index a nil value (global 'undefined_table')
