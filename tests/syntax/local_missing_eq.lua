-- A multiple assignment whose target list is not followed by '='.
-- expect error: :3: '=' expected near '2'
x, y 2
