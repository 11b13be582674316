#!/usr/bin/env bash
# official.sh: runs the official Lua 5.4.4 test suite (never committed) under vmc and lua5.4, one file at a time.
# Get the suite outside the repo, e.g.: git --git-dir=<lua/lua mirror> archive v5.4.4 testes | tar -x -C /tmp/luatests
# Usage: tools/official.sh /tmp/luatests/testes [vmc-binary] [files...]  -> a table for tests/OFFICIAL.md on stdout
# Each file is run with `_port=true; _soft=true;` prepended on its first line, from the testes directory, under
# lua5.4, `vmc run` and the executable `vmc build` makes (gcc -O2), each with a 120 s limit.
set -u
export VMC_CACHE=off   # vmc run compiles with libtcc: no gcc in the background for the suite's big files
dir=${1:?usage: tools/official.sh TESTES_DIR [VMC] [files...]}
vmc=$(realpath "${2:-build/vmc}")
shift $(($# >= 2 ? 2 : 1))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# why STATUS ERRFILE: the first non-empty stderr line of a failed run (program name stripped), for the table
why() {
  local w=""
  [ "$1" = fail ] && w=$(grep -m1 -v '^\s*$' "$2" | sed -e "s|^vmc: ||" -e "s|^$vmc: ||" -e "s|^$work/exe: ||" |
    cut -c1-110 | sed 's/|/\\|/g')
  [ "$1" = fail ] && [ -z "$w" ] && w="(no message; exit status or timeout)"
  printf '%s' "$w"
}
echo "| file | lua5.4 | vmc run | vmc build | first error under vmc run / vmc build |"
echo "|---|---|---|---|---|"
if [ $# -gt 0 ]; then files=("$@"); else files=("$dir"/*.lua); fi
for f in "${files[@]}"; do
  name=$(basename "$f")
  { printf '_port=true; _soft=true; '; cat "$dir/$name"; } > "$work/$name"
  cp "$work/$name" "$dir/.vmc-$name"
  (cd "$dir" && timeout 120 lua5.4 ".vmc-$name" >/dev/null 2>&1) && l=pass || l=fail
  (cd "$dir" && timeout 120 "$vmc" run ".vmc-$name" >"$work/out" 2>"$work/err") && v=pass || v=fail
  if (cd "$dir" && timeout 300 "$vmc" build ".vmc-$name" -o "$work/exe" >"$work/bout" 2>"$work/berr"); then
    (cd "$dir" && timeout 120 "$work/exe" >"$work/bout" 2>"$work/berr") && b=pass || b=fail
  else
    b=fail
  fi
  rm -f "$dir/.vmc-$name" "$work/exe"
  wr=$(why $v "$work/err")
  wb=$(why $b "$work/berr")
  [ "$wb" = "$wr" ] && wb="same"
  [ -n "$wr$wb" ] && [ "$wb" = same ] && w="$wr" || w="$wr / $wb"
  [ -z "$wr$wb" ] && w=""
  echo "| $name | $l | $v | $b | $w |"
done
