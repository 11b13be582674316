#!/bin/sh
# test_includes.sh: tools/check_includes.sh must pass on the tree and fail on each forbidden include spelling,
# injected into a scratch copy of compiler/, runtime/ and stdlib/.
t=$(mktemp -d) || exit 2
trap 'rm -rf "$t"' EXIT
fails=0
expect() {  # expect RC DIR/FILE LINE
  rm -rf "$t"/*
  cp -r compiler runtime stdlib "$t"/
  echo "$3" >> "$t/$2"
  tools/check_includes.sh "$t" >/dev/null
  rc=$?
  [ "$rc" = "$1" ] || { echo "test_includes: '$3' in $2 gave $rc, expected $1"; fails=$((fails + 1)); }
}
tools/check_includes.sh >/dev/null || { echo "test_includes: the tree itself fails"; fails=$((fails + 1)); }
for l in '#include "rt.h"' '#include "../runtime/rt.h"' '#include <rt.h>' '# include <runtime/rt.h>'; do
  expect 1 compiler/lex.c "$l"
  expect 1 stdlib/base.c "$l"
done
for l in '#include <gc.h>' '#include <gc/gc.h>' '#include "gc_mark.h"' '#include <gc/gc_typed.h>'; do
  expect 1 stdlib/base.c "$l"
done
for l in '#include "value.h"' '#include "vmc.h"' '#include <string.h>' '#include <logc.h>'; do
  expect 0 compiler/lex.c "$l"
  expect 0 stdlib/base.c "$l"
done
exit $((fails > 0))
