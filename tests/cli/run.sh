#!/usr/bin/env bash
# tests/cli/run.sh - the tests of the vmc program itself (not of a Lua behaviour): its command line against
# lua5.4's, the REPL on a pseudo-terminal, `vmc build` (portable executables, bundling, gdb), the run cache and
# the perf map. Each prints PASS/FAIL lines (SKIP lines are not counted); tests/run.sh runs this one with the
# whole suite and counts them in its total.
# Usage: tests/cli/run.sh [VMC]
set -u
cd "$(dirname "$0")/../.."
VMC=${1:-build/vmc}
# A sanitizer build links libasan and cannot link statically: `vmc build`'s portability tests do not apply.
if ldd "$VMC" 2>/dev/null | grep -q libasan; then
	export VMC_SANITIZED=1
fi
for t in test_cli test_repl test_build test_cache test_profile; do
	python3 "tests/cli/$t.py" "$VMC" || true
done
