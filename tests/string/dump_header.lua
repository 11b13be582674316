-- string.dump's chunk opens with lua5.4's header: signature, version, format, LUAC_DATA, sizes, check values
local s = string.dump(function() end)
print(s:sub(1, 4) == "\27Lua", s:byte(5), s:byte(6))         -- expect: true	84	0
print(s:sub(7, 12) == "\x19\x93\r\n\x1a\n", s:byte(13, 15))  -- expect: true	4	8	8
print(string.unpack("=j", s, 16), string.unpack("=n", s, 24)) -- expect: 22136	370.5	32
-- byte 7 tells the host's endianness ("\x19" is LUAC_DATA's first byte; 0x5678 follows in the host's order)
print(s:byte(16) == 0x78 and "little" or "big")              -- expect: little
print(#string.dump(function() end, true) > 32)               -- expect: true
