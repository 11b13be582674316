#!/usr/bin/env bash
# tests/run.sh - the Lua test suite runner: checks each test against lua5.4, then vmc's backends against lua5.4.
#
# Usage (from the repo root):
#   tests/run.sh [--vmc build/vmc] [--backends run,build] [--jobs N] [--lua-only] [files-or-dirs...]
#
# A test is tests/<area>/<behaviour>.lua with its expectations inline:
#   print(1 + 2)        -- expect: 3          next line of stdout is exactly "3"
#   error("boom")       -- expect error: boom exit status 1, first stderr line contains "boom"
#   os.exit(3)          -- expect exit: 3     exit status 3
#   error("boom")       -- expect stderr: ...  (one comment per line) the whole of stderr, program-name prefix
#                                             stripped: a traceback ("-- expect stderr: stack traceback:")
# Step 1 runs the test under lua5.4 and checks these expectations; a test lua5.4 disagrees with is BAD.
# Step 2 (backend "run") runs `vmc run FILE`; step 3 (backend "build") runs `vmc build FILE -o EXE` and then EXE.
# Each backend must match lua5.4's actual stdout, exit status and first stderr line (program-name prefix
# stripped), or all of its stderr for a test with "-- expect stderr:" lines. If bench/tiny.txt exists (lines "NAME ARG"), bench/NAME.lua ARG is compared likewise (stdout lines
# starting with "# " are timings and ignored); benchmarks run only when no files are named.
# Tests listed in tests/waiting.txt ("FILE reason") use features a later issue implements: lua5.4 must still
# agree with them, and vmc must reject them at compile time with "not yet supported".
# A test with a line "-- needs: collector" depends on memory being reclaimed (weak tables, __gc at collection
# time): it is skipped (SKIP, not counted) when VMC_NOCOLLECT=1, as in `make check-asan`, whose vmc never frees.
# The whole suite (no files named) or naming tests/cli also runs tests/cli/run.sh, the tests of the vmc program
# itself (command line, REPL, vmc build, run cache, perf map), and counts its PASS/FAIL lines.
# Prints PASS/FAIL per file x backend, sorted, then "N passed, M failed"; exits 1 if anything failed.

set -u

LUA=${LUA:-lua5.4}
TIMEOUT=60

usage() {
	echo "usage: tests/run.sh [--vmc PATH] [--backends run,build] [--jobs N] [--lua-only] [files-or-dirs...]" >&2
	exit 2
}

# expectations FILE OUTDIR: writes OUTDIR/exp.out (expected stdout), OUTDIR/exp.err (expected stderr
# substring, empty if none), OUTDIR/exp.errfull (expected stderr, whole; empty if not given) and OUTDIR/exp.rc
# (expected exit status).
expectations() {
	awk -v out="$2/exp.out" -v err="$2/exp.err" -v full="$2/exp.errfull" -v rcf="$2/exp.rc" '
		BEGIN { rc = 0; exitset = 0; printf "" > out; printf "" > err; printf "" > full }
		{ sub(/\r$/, "") }
		/-- expect:( |$)/ {
			s = $0; sub(/.*-- expect:/, "", s); sub(/^ /, "", s); print s > out
		}
		/-- expect stderr:( |$)/ {
			s = $0; sub(/.*-- expect stderr:/, "", s); sub(/^ /, "", s); print s > full; if (!exitset) rc = 1
		}
		/-- expect error: / {
			s = $0; sub(/.*-- expect error: /, "", s); printf "%s", s > err; if (!exitset) rc = 1
		}
		/-- expect exit: [0-9]+/ {
			s = $0; sub(/.*-- expect exit: /, "", s); sub(/[^0-9].*/, "", s); rc = s + 0; exitset = 1
		}
		END { print rc > rcf }
	' "$1"
}

# strip_prefix LINE PROG...: LINE without a leading "PROG: " for the first PROG it starts with.
strip_prefix() {
	local line=$1 p
	shift
	for p in "$@"; do
		if [[ -n $p && $line == "$p: "* ]]; then
			printf '%s\n' "${line#"$p: "}"
			return
		fi
	done
	printf '%s\n' "$line"
}

# run_prog DIR TAG CMD...: runs CMD from the repo root with stdin /dev/null, leaving DIR/TAG.out,
# DIR/TAG.err and DIR/TAG.rc. For a benchmark ($kind bench), stdout lines starting with "# " (timings)
# are dropped: they are not compared.
run_prog() {
	local dir=$1 tag=$2
	shift 2
	timeout "$TIMEOUT" "$@" </dev/null >"$dir/$tag.out" 2>"$dir/$tag.err"
	echo $? >"$dir/$tag.rc"
	if [[ ${kind:-} == bench ]]; then
		sed -i "/^# /d" "$dir/$tag.out"
	fi
}

# first_err DIR TAG PROG...: the first stderr line of run TAG, program-name prefix stripped.
first_err() {
	local dir=$1 tag=$2 line
	shift 2
	line=$(head -n 1 "$dir/$tag.err")
	strip_prefix "$line" "$@"
}

# all_err DIR TAG PROG...: the whole stderr of run TAG, the program-name prefix stripped from its first line.
all_err() {
	local dir=$1 tag=$2
	shift 2
	first_err "$dir" "$tag" "$@"
	tail -n +2 "$dir/$tag.err"
}

# show FILE: a failure detail, indented and cut to 15 lines.
show() {
	head -n 15 "$1" | sed 's/^/    /'
}

# check_lua DIR: compares lua5.4's run in DIR with the expectations; writes the reasons to DIR/bad.
check_lua() {
	local dir=$1 exprc experr gotrc goterr
	exprc=$(cat "$dir/exp.rc")
	experr=$(cat "$dir/exp.err")
	gotrc=$(cat "$dir/lua.rc")
	goterr=$(first_err "$dir" lua "$LUA")
	: >"$dir/bad"
	if ! cmp -s "$dir/exp.out" "$dir/lua.out"; then
		diff -a -u --label expected --label lua5.4 "$dir/exp.out" "$dir/lua.out" >>"$dir/bad"
	fi
	if [[ $gotrc != "$exprc" ]]; then
		echo "exit status: expected $exprc, lua5.4 gave $gotrc" >>"$dir/bad"
	fi
	if [[ -s $dir/exp.errfull ]]; then
		all_err "$dir" lua "$LUA" >"$dir/lua.errfull"
		if ! cmp -s "$dir/exp.errfull" "$dir/lua.errfull"; then
			diff -a -u --label expected --label lua5.4 "$dir/exp.errfull" "$dir/lua.errfull" >>"$dir/bad"
		fi
	elif [[ -n $experr && $goterr != *"$experr"* ]]; then
		printf 'stderr: expected to contain: %s\n        lua5.4 gave: %s\n' "$experr" "$goterr" >>"$dir/bad"
	elif [[ -z $experr && $exprc == 0 && -s $dir/lua.err ]]; then
		printf 'stderr: expected none, lua5.4 gave: %s\n' "$goterr" >>"$dir/bad"
	fi
	[[ ! -s $dir/bad ]]
}

# compare DIR TAG PROG...: compares run TAG with lua5.4's; writes the differences to DIR/diff.
compare() {
	local dir=$1 tag=$2 want got
	shift 2
	: >"$dir/diff"
	if ! cmp -s "$dir/lua.out" "$dir/$tag.out"; then
		diff -a -u --label lua5.4 --label "$tag" "$dir/lua.out" "$dir/$tag.out" >>"$dir/diff"
	fi
	if [[ $(cat "$dir/lua.rc") != $(cat "$dir/$tag.rc") ]]; then
		echo "exit status: lua5.4 $(cat "$dir/lua.rc"), $tag $(cat "$dir/$tag.rc")" >>"$dir/diff"
	fi
	if [[ -s $dir/exp.errfull ]]; then   # the whole of stderr
		all_err "$dir" lua "$LUA" >"$dir/lua.errfull"
		all_err "$dir" "$tag" "$@" >"$dir/$tag.errfull"
		if ! cmp -s "$dir/lua.errfull" "$dir/$tag.errfull"; then
			diff -a -u --label lua5.4 --label "$tag" "$dir/lua.errfull" "$dir/$tag.errfull" >>"$dir/diff"
		fi
		[[ ! -s $dir/diff ]]
		return
	fi
	want=$(first_err "$dir" lua "$LUA")
	got=$(first_err "$dir" "$tag" "$@")
	if [[ $want != "$got" ]]; then
		printf 'stderr: lua5.4: %s\n        %s: %s\n' "$want" "$tag" "$got" >>"$dir/diff"
	fi
	[[ ! -s $dir/diff ]]
}

# syntax_error FILE: true if lua5.4 cannot compile FILE.
syntax_error() {
	VMC_TEST_FILE=$1 "$LUA" -e 'if not loadfile(os.getenv("VMC_TEST_FILE")) then os.exit(1) end' 2>/dev/null
	[[ $? == 1 ]]
}

# run_backend DIR BACKEND FILE ARGS...: runs FILE under one vmc backend; returns 0 if it matches lua5.4.
run_backend() {
	local dir=$1 backend=$2 file=$3 exe
	shift 3
	case $backend in
	run)
		run_prog "$dir" run "$VMC" run "$file" "$@"
		compare "$dir" run vmc "$VMC" "$(basename "$VMC")"
		;;
	build)
		exe=$dir/x
		timeout "$TIMEOUT" "$VMC" build "$file" -o "$exe" </dev/null >"$dir/vmcbuild.out" 2>"$dir/vmcbuild.err"
		echo $? >"$dir/vmcbuild.rc"
		if syntax_error "$file"; then
			# The compile error must come from vmc build, worded as lua5.4 words it.
			cp "$dir/vmcbuild.out" "$dir/build.out"
			cp "$dir/vmcbuild.rc" "$dir/build.rc"
			cp "$dir/vmcbuild.err" "$dir/build.err"
			compare "$dir" build vmc "$VMC" "$(basename "$VMC")"
			return
		fi
		if [[ $(cat "$dir/vmcbuild.rc") != 0 || ! -x $exe ]]; then
			{
				echo "vmc build exited $(cat "$dir/vmcbuild.rc")"
				cat "$dir/vmcbuild.err"
			} >"$dir/diff"
			return 1
		fi
		run_prog "$dir" build "$exe" "$@"
		compare "$dir" build "$exe"
		;;
	*)
		echo "unknown backend $backend" >"$dir/diff"
		return 1
		;;
	esac
}

# run_waiting DIR BACKEND FILE: a test of a feature a later issue implements (tests/waiting.txt): vmc must
# refuse it with exit status 1 and a first stderr line saying "not yet supported", at compile time or, for
# what only shows at run time (a generic for's closing value), when the program reaches it. Never miscompile.
run_waiting() {
	local dir=$1 backend=$2 file=$3 rc
	if [[ $backend == run ]]; then
		timeout "$TIMEOUT" "$VMC" run "$file" </dev/null >"$dir/w.out" 2>"$dir/w.err"
		rc=$?
	else
		timeout "$TIMEOUT" "$VMC" build "$file" -o "$dir/x" </dev/null >"$dir/w.out" 2>"$dir/w.err"
		rc=$?
		if [[ $rc == 0 ]]; then
			timeout "$TIMEOUT" "$dir/x" </dev/null >"$dir/w.out" 2>"$dir/w.err"
			rc=$?
		fi
	fi
	if [[ $rc == 1 ]] && head -n 1 "$dir/w.err" | grep -q 'not yet supported'; then
		return 0
	fi
	{ echo "waiting test: expected exit 1 with 'not yet supported', got exit $rc"; head -n 3 "$dir/w.err"; } >"$dir/diff"
	return 1
}

# worker KIND NAME: one test (KIND "test", NAME a .lua file) or benchmark (KIND "bench", NAME "NAME ARG");
# prints its result lines.
worker() {
	local kind=$1 name=$2 dir file label backend arg=()
	dir=$(mktemp -d "${TMPDIR:-/tmp}/vmctest.XXXXXX") || exit 1
	if [[ $kind == bench ]]; then
		read -r label arg_s <<<"$name"
		file=bench/$label.lua
		label=bench/$label
		[[ -n ${arg_s:-} ]] && read -r -a arg <<<"$arg_s"
		printf '' >"$dir/exp.out"
	else
		file=$name
		label=$name
		expectations "$file" "$dir"
	fi
	run_prog "$dir" lua "$LUA" "$file" "${arg[@]}"
	local bad=0 waiting=""
	if [[ $kind == test && -f tests/waiting.txt ]]; then
		waiting=$(awk -v f="$file" '$1 == f { $1 = ""; sub(/^ /, ""); print; exit }' tests/waiting.txt)
	fi
	if [[ $kind == test ]]; then
		check_lua "$dir" || bad=1
	elif [[ $(cat "$dir/lua.rc") != 0 ]]; then
		{ echo "lua5.4 exited $(cat "$dir/lua.rc")"; head -n 3 "$dir/lua.err"; } >"$dir/bad"
		bad=1
	fi
	if [[ $LUA_ONLY == 1 ]]; then
		if [[ $bad == 0 ]]; then
			echo "PASS $label [lua]"
		else
			echo "FAIL $label [lua]"
			show "$dir/bad"
		fi
	else
		IFS=, read -r -a backends <<<"$BACKENDS"
		for backend in "${backends[@]}"; do
			if [[ $bad == 0 && ${VMC_NOCOLLECT:-} == 1 ]] && grep -q -- '-- needs: collector' "$file"; then
				echo "SKIP $label [$backend] (needs a collector; this vmc never frees memory)"
			elif [[ $bad == 1 ]]; then
				echo "FAIL $label [$backend] BAD: lua5.4 disagrees with the expectations"
				show "$dir/bad"
			elif [[ -n $waiting ]]; then
				if run_waiting "$dir" "$backend" "$file"; then
					echo "PASS $label [$backend] (rejected: waiting for $waiting)"
				else
					echo "FAIL $label [$backend]"
					show "$dir/diff"
				fi
			elif run_backend "$dir" "$backend" "$file" "${arg[@]}"; then
				echo "PASS $label [$backend]"
			else
				echo "FAIL $label [$backend]"
				show "$dir/diff"
			fi
		done
	fi
	rm -rf "$dir"
}

if [[ ${1:-} == --worker ]]; then
	# xargs hands us "INDEX KIND NAME"; the result goes to $RESULTS/INDEX so the parent can sort.
	read -r idx kind name <<<"$2"
	worker "$kind" "$name" >"$RESULTS/$idx"
	exit 0
fi

VMC=build/vmc
BACKENDS=run,build
JOBS=$(nproc 2>/dev/null || echo 2)
LUA_ONLY=0
paths=()
while [[ $# -gt 0 ]]; do
	case $1 in
	--vmc) VMC=${2:?}; shift 2 ;;
	--vmc=*) VMC=${1#--vmc=}; shift ;;
	--backends) BACKENDS=${2:?}; shift 2 ;;
	--backends=*) BACKENDS=${1#--backends=}; shift ;;
	--jobs | -j) JOBS=${2:?}; shift 2 ;;
	--jobs=*) JOBS=${1#--jobs=}; shift ;;
	--lua-only) LUA_ONLY=1; shift ;;
	-h | --help) usage ;;
	-*) usage ;;
	*) paths+=("$1"); shift ;;
	esac
done

if ! command -v "$LUA" >/dev/null; then
	echo "tests/run.sh: $LUA not found" >&2
	exit 2
fi
if [[ $LUA_ONLY == 0 && ! -x $VMC ]]; then
	echo "tests/run.sh: $VMC not found (build it, or pass --vmc PATH or --lua-only)" >&2
	exit 2
fi

RESULTS=$(mktemp -d "${TMPDIR:-/tmp}/vmcresults.XXXXXX") || exit 2
trap 'rm -rf "$RESULTS"' EXIT
# `vmc run` here always compiles with libtcc: the run cache is tested on its own (tests/cli/test_cache.py), and a
# gcc in the background per test would load the machine and could make timings flaky.
VMC_CACHE=off
export LUA VMC BACKENDS LUA_ONLY RESULTS TIMEOUT VMC_CACHE

# The work list: "INDEX KIND NAME" lines, in the order results are printed.
{
	if [[ ${#paths[@]} -eq 0 ]]; then
		paths=(tests)
		with_bench=1
	else
		with_bench=0
	fi
	for p in "${paths[@]}"; do
		if [[ ${p%/} == tests/cli ]]; then
			continue   # no Lua tests there: the vmc program's own tests (below)
		elif [[ -d $p ]]; then
			find "$p" -name '*.lua' -not -path '*/fixtures/*' | LC_ALL=C sort
		elif [[ -f $p ]]; then
			echo "$p"
		else
			echo "tests/run.sh: no such file or directory: $p" >&2
		fi
	done | sed 's/^/test /'
	if [[ $with_bench == 1 && -f bench/tiny.txt ]]; then
		while read -r name arg; do
			[[ -z $name || $name == \#* ]] && continue
			[[ -f bench/$name.lua ]] && echo "bench $name $arg"
		done <bench/tiny.txt
	fi
} | awk '{ printf "%06d %s\n", NR, $0 }' >"$RESULTS/list"

xargs -r -P "$JOBS" -d '\n' -n 1 bash "$0" --worker <"$RESULTS/list"

# The vmc program's own tests (command line, REPL, vmc build, run cache, perf map): with the whole suite, or
# when tests/cli is named.
with_cli=0
for p in "${paths[@]}"; do
	[[ ${p%/} == tests || ${p%/} == tests/cli ]] && with_cli=1
done
if [[ $with_cli == 1 && $LUA_ONLY == 0 ]]; then
	tests/cli/run.sh "$VMC" >"$RESULTS/cli"
fi

for f in "$RESULTS"/[0-9]* "$RESULTS/cli"; do
	[[ -e $f ]] && cat "$f"
done | tee "$RESULTS/all"
passed=$(grep -c '^PASS ' "$RESULTS/all")
failed=$(grep -c '^FAIL ' "$RESULTS/all")
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
