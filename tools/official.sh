#!/usr/bin/env bash
# official.sh: runs the official Lua 5.4.4 test suite (never committed) under vmc and lua5.4, one file at a time.
# Get the suite outside the repo, e.g.: git --git-dir=<lua/lua mirror> archive v5.4.4 testes | tar -x -C /tmp/luatests
# Usage: tools/official.sh /tmp/luatests/testes [vmc-binary]   -> a table for tests/OFFICIAL.md on stdout
# Each file is run with `_port=true; _soft=true;` prepended on its first line, from the testes directory,
# under lua5.4, `vmc run` and the executable `vmc build` makes (each step with a 120 s limit).
set -u
dir=${1:?usage: tools/official.sh TESTES_DIR [VMC]}
vmc=$(realpath "${2:-build/vmc}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| file | lua5.4 | vmc run | vmc build | first error under vmc (run, else build) |"
echo "|---|---|---|---|---|"
for f in "$dir"/*.lua; do
  name=$(basename "$f")
  { printf '_port=true; _soft=true; '; cat "$f"; } > "$work/$name"
  cp "$work/$name" "$dir/.vmc-$name"
  (cd "$dir" && timeout 120 lua5.4 ".vmc-$name" >/dev/null 2>&1) && l=pass || l=fail
  (cd "$dir" && timeout 120 "$vmc" run ".vmc-$name" >"$work/out" 2>"$work/err") && v=pass || v=fail
  rm -f "$work/exe"
  (cd "$dir" && timeout 120 "$vmc" build ".vmc-$name" -o "$work/exe" >/dev/null 2>"$work/berr" &&
    timeout 120 "$work/exe" >/dev/null 2>>"$work/berr") && b=pass || b=fail
  why=""
  [ "$v" = fail ] && why=$(grep -m1 -v '^\s*$' "$work/err" | cut -c1-110 | sed 's/|/\\|/g')
  [ "$v" = fail ] && [ -z "$why" ] && why="(no message; exit status or timeout)"
  [ "$v" = pass ] && [ "$b" = fail ] && why="build: $(grep -m1 -v '^\s*$' "$work/berr" | cut -c1-100 | sed 's/|/\\|/g')"
  rm -f "$dir/.vmc-$name"
  echo "| $name | $l | $v | $b | $why |"
done
