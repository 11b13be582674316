-- A NaN key cannot be stored, but reading one gives nil.
local t = {}
local nan = 0 / 0
print(t[nan])  -- expect: nil
t[nan] = 1     -- expect error: :5: table index is NaN
