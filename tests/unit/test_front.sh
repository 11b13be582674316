#!/bin/sh
# test_front.sh: the front end (lex, parse, resolve) against lua5.4's on every Lua file of tests/ and bench/:
# each file is compiled as a load() string named "=input" by both; OK or the exact compile error must agree.
# Usage: tests/unit/test_front.sh PATH/TO/test_front
front=$1
lua=${LUA:-lua5.4}
t=$(mktemp -d) || exit 2
trap 'rm -rf "$t"' EXIT
find tests bench -name '*.lua' | sort > "$t/files"
# shellcheck disable=SC2046
"$front" -b -n input $(cat "$t/files") > "$t/vmc" || exit 1
"$lua" - "$t/files" > "$t/lua" <<'LUA'
for name in io.lines(arg[1]) do
  local f = assert(io.open(name, "rb"))
  local src = f:read("a")
  f:close()
  local ok, msg = load(src, "=input")
  io.write(name, "\t", ok and "OK" or (msg:gsub("\n", "\\n")), "\n")
end
LUA
if ! cmp -s "$t/lua" "$t/vmc"; then
  diff -u --label lua5.4 --label vmc "$t/lua" "$t/vmc" | head -40
  exit 1
fi
echo "front: $(wc -l < "$t/files") files compile as under lua5.4"
