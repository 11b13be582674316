#!/bin/sh
# check_includes.sh: includes point one way (STYLE.md). compiler/ reaches the runtime only through value.h and
# vmc.h; stdlib/ uses the runtime's public API (vmc.h, value.h) and never a runtime-private header nor the GC's.
# Usage: tools/check_includes.sh [ROOT]   (ROOT defaults to the current directory; exits 1 on a violation)
root=${1:-.}
cd "$root" || exit 2
inc='^[[:space:]]*#[[:space:]]*include[[:space:]]*'
bad=0
flag() {  # flag MESSAGE GREP-OUTPUT
  [ -n "$2" ] || return 0
  printf '%s\n' "$2" | sed "s|^|includes: $1: |"
  bad=1
}

# Runtime-private headers: every runtime/*.h but the two public ones.
for path in runtime/*.h; do
  h=${path#runtime/}
  case $h in value.h|vmc.h) continue ;; esac
  e=$(printf '%s' "$h" | sed 's/[.]/[.]/g')
  for dir in compiler stdlib; do
    # Any path ending in the name (<rt.h>, "../runtime/rt.h", "runtime/rt.h") reaches the runtime's file; a bare
    # "rt.h" does too unless the including directory has a file of that name (then "..." finds that one first).
    flag "$dir/ includes the runtime-private $h" \
      "$(grep -nE "${inc}(<([^>]*/)?${e}>|\"([^\"]*/)${e}\")" "$dir"/*.c "$dir"/*.h 2>/dev/null)"
    [ -f "$dir/$h" ] || flag "$dir/ includes the runtime-private $h" \
      "$(grep -nE "${inc}\"${e}\"" "$dir"/*.c "$dir"/*.h 2>/dev/null)"
  done
done

# The GC's headers (gc.h, gc/gc.h, gc_mark.h, gc/gc_typed.h, ...) belong to the runtime alone.
flag "stdlib/ includes the GC's header" \
  "$(grep -nE "${inc}[<\"]([^\">]*/)?gc(/[^\">]*|_[a-z_]*)?[.]h[>\"]" stdlib/*.c stdlib/*.h 2>/dev/null)"

[ $bad = 0 ] && echo "includes: ok"
exit $bad
