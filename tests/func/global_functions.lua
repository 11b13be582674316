-- Global function definitions and _ENV.
function gf(x) return x + 1 end
print(gf(1))                  -- expect: 2
print(_G.gf == gf, _ENV == _G) -- expect: true	true
_G.gf = nil
print(gf)                     -- expect: nil
