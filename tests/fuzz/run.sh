#!/bin/sh
# tests/fuzz/run.sh - runs the libFuzzer targets `make fuzz` built (tests/FUZZ.md).
#
# Usage: tests/fuzz/run.sh BUILDDIR SECONDS target...
# Each target BUILDDIR/bin/fuzz_T runs SECONDS seconds in all on the corpus BUILDDIR/corpus/T, seeded from
# tests/fuzz/seeds/T. The build never frees (VMC_MALLOC_GC, so that ASan sees every object's bounds): when a
# process reaches the RSS limit (FUZZ_RSS_MB, default 3072) it is started again on the same corpus for the time
# left. Any other stop (a crash, a sanitizer report, a timeout of 10 s on one input, a single allocation over
# 1 GB) fails the run, with the input in BUILDDIR/crashes/. Prints per target the seconds run, the executions,
# the restarts and the corpus size; the logs are in BUILDDIR/logs/.

set -u
[ $# -ge 3 ] || { echo "usage: tests/fuzz/run.sh BUILDDIR SECONDS target..." >&2; exit 2; }
B=$1 TOTAL=$2
shift 2
here=$(dirname "$0")
rss=${FUZZ_RSS_MB:-3072}
failed=0
mkdir -p "$B/logs" "$B/crashes"
export ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
for t in "$@"; do
  corpus=$B/corpus/$t log=$B/logs/$t.log
  mkdir -p "$corpus"
  cp "$here/seeds/$t"/* "$corpus/"
  : > "$log"
  start=$(date +%s) left=$TOTAL execs=0 restarts=0 status=ok
  while [ "$left" -gt 0 ]; do
    "$B/bin/fuzz_$t" -max_total_time="$left" -timeout=10 -rss_limit_mb="$rss" -malloc_limit_mb=1024 \
      -max_len=8192 -artifact_prefix="$B/crashes/$t-" -print_final_stats=1 "$corpus" > "$log.run" 2>&1
    rc=$?
    cat "$log.run" >> "$log"
    e=$(grep 'stat::number_of_executed_units' "$log.run" | awk '{print $2}')
    [ -n "$e" ] || e=$(grep -E '^#[0-9]+' "$log.run" | tail -1 | sed 's/^#\([0-9]*\).*/\1/')
    execs=$((execs + ${e:-0}))
    left=$((TOTAL - ($(date +%s) - start)))
    [ $rc -eq 0 ] && break
    if grep -q 'out-of-memory (used: ' "$log.run"; then   # the memory never freed: start again
      rm -f "$B/crashes/$t"-oom-*
      restarts=$((restarts + 1))
      continue
    fi
    status="FAILED (exit $rc, see $log)"
    failed=1
    break
  done
  rm -f "$log.run"
  echo "fuzz $t: $(($(date +%s) - start)) s, $execs executions, $restarts restarts, corpus $(ls "$corpus" | wc -l) inputs: $status"
done
exit $failed
