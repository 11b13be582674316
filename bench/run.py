#!/usr/bin/env python3
"""bench/run.py: the vmc benchmark runner (tooling layer; Python 3 standard library only).

Runs every bench/ program under lua5.4, luajit -joff, luajit, `vmc run`, the `vmc build` executable and the
Python and C twins where they exist; checks each output against lua5.4's; times the runtimes that answered
right (hyperfine when present, else a round-robin harness); writes bench/RESULTS.md and bench/results.svg.
The specification is /work/shared/BENCHMARKS.md; usage is in bench/README.md.

    python3 bench/run.py [--quick] [--vmc build/vmc] [names...]
"""

import argparse
import datetime
import json
import math
import os
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import xml.etree.ElementTree as ElementTree
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
OUT = os.path.join(ROOT, "build", "bench")
CACHE = os.path.join(OUT, "cache")   # XDG_CACHE_HOME of every run: the run cache of the vmc-warm cells

# Every program, in its group (BENCHMARKS.md): the one place that says which group a program is in.
# The ratio tables and the chart give a geomean per group as well as overall.
GROUPS = [
    ("calls", ["fib", "tak", "ackermann", "sum_recursive", "fib_tail", "nested_calls", "closures"]),
    ("collections", ["list_build", "list_map", "list_filter", "sieve", "queens", "permute", "hash_ops", "sort"]),
    ("objects", ["richards", "binary_trees", "event_sim", "json_codec", "ray_trace", "job_shop", "tree_interp",
                 "word_freq"]),
    ("numeric", ["nbody", "spectral_norm", "mandelbrot", "fannkuch", "matmul"]),
    ("strings", ["string_build", "pattern_match", "lexer"]),
    ("coroutines", ["generators"]),
]
PROGRAMS = [name for _, names in GROUPS for name in names]
GROUP_OF = {name: group for group, names in GROUPS for name in names}
NUMERIC = dict(GROUPS)["numeric"]
OBJECTS = dict(GROUPS)["objects"]

# Runtime keys in column order, with their column titles.
RUNTIMES = [
    ("lua5.4", "lua5.4"), ("luajit-joff", "luajit -joff"), ("luajit", "luajit"),
    ("vmc-run", "vmc run"), ("vmc-warm", "vmc run (warm)"), ("vmc-build", "vmc build"), ("python3", "python3"),
    ("c", "C -O2"),
]
VMC_KEYS = ("vmc-run", "vmc-warm", "vmc-build")
LUAJIT_KEYS = ("luajit-joff", "luajit")

# Ratios of median times: (label, numerator, denominator). Below 1 means the numerator is faster.
RATIOS = [
    ("vmc-build/lua5.4", "vmc-build", "lua5.4"),
    ("vmc-build/luajit", "vmc-build", "luajit"),
    ("vmc-run/lua5.4", "vmc-run", "lua5.4"),
    ("vmc-run/luajit", "vmc-run", "luajit"),
    ("vmc-warm/lua5.4", "vmc-warm", "lua5.4"),
    ("python/vmc-build", "python3", "vmc-build"),
    ("vmc-build/C", "vmc-build", "c"),
]

# Chart series: (legend, reference runtime, measured runtime, colour); bar = time(reference) / time(measured).
SERIES = [
    ("vmc build vs lua5.4", "lua5.4", "vmc-build", "#1f5fbf"),
    ("vmc build vs luajit", "luajit", "vmc-build", "#6fa8ff"),
    ("vmc run vs lua5.4", "lua5.4", "vmc-run", "#c0392b"),
    ("vmc run vs luajit", "luajit", "vmc-run", "#f1948a"),
    ("vmc run (warm) vs lua5.4", "lua5.4", "vmc-warm", "#8e44ad"),
    ("luajit vs lua5.4 (reference)", "lua5.4", "luajit", "#a0a0a0"),
]

# --quick sizes for programs absent from tiny.txt (the waiting ones, which `make check` skips).
QUICK_FALLBACK = {"fib_tail": "3", "generators": "20000"}
FIB_EXTRA_SIZE = 30
STATUS_SHOWN = {"wrong": "wrong", "fail": "fail", "n/a": "n/a", "waiting": "waiting", "absent": "-"}


class Cell:
    """One runtime on one program. "status" is ok, wrong, fail, n/a, waiting or absent; "time" is the
    median wall time in seconds once timed; "rss_kb" the peak resident set of the checking run."""

    def __init__(self, argv=None, status="ok", reason=""):
        self.argv = argv
        self.status = status
        self.reason = reason
        self.time = None
        self.rss_kb = None


class Program:
    """A bench program at one size, with a Cell per runtime key."""

    def __init__(self, name, size):
        self.name = name
        self.size = size
        self.cells = {}


class Run:
    """The outcome of one process: exit code (None if it never started), outputs, seconds, peak RSS."""

    def __init__(self, rc=None, out="", err="", secs=0.0, rss_kb=None, timed_out=False, error=""):
        self.rc, self.out, self.err, self.secs = rc, out, err, secs
        self.rss_kb, self.timed_out, self.error = rss_kb, timed_out, error


# ---------------------------------------------------------------------------------------------------------
# Tools and configuration

class Tools:
    """Paths of the programs the runner drives; None where one is missing ("vmc_reason" says why)."""

    def __init__(self, args):
        self.lua = shutil.which("lua5.4")
        self.luajit = shutil.which("luajit")
        self.hyperfine = None if args.no_hyperfine else shutil.which("hyperfine")
        self.time_bin = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
        self.gcc = shutil.which("gcc")
        self.rsvg = shutil.which("rsvg-convert")
        self.python = "/usr/bin/python3" if os.access("/usr/bin/python3", os.X_OK) else sys.executable
        self.vmc = os.path.abspath(args.vmc)
        self.vmc_reason = ""
        if not os.path.isfile(self.vmc):
            self.vmc_reason = "%s not found" % rel(self.vmc)
        elif not os.access(self.vmc, os.X_OK):
            self.vmc_reason = "%s is not executable" % rel(self.vmc)
        if self.vmc_reason:
            self.vmc = None


def rel(path):
    """Returns "path" relative to the repository root when it lies inside it."""
    r = os.path.relpath(path, ROOT)
    return path if r.startswith("..") else r


def read_pairs(path):
    """Reads lines "NAME REST" (blank lines and "#" comments skipped) into a dict NAME -> REST."""
    pairs = {}
    if not os.path.exists(path):
        return pairs
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, rest = line.partition(" ")
                pairs[name] = rest.strip()
    return pairs


def default_size(name):
    """Returns the default size written in bench/NAME.lua ("or N" after arg[1]), or "" if none is found."""
    with open(os.path.join(BENCH, name + ".lua")) as f:
        m = re.search(r"arg\[1\]\)\s*or\s*(\d+)", f.read())
    return m.group(1) if m else ""


def lua54_only(name):
    """Returns the reason if bench/NAME.lua marks itself "-- bench: lua5.4-only: reason", else None."""
    with open(os.path.join(BENCH, name + ".lua")) as f:
        for line in f.readlines()[:10]:
            m = re.match(r"--\s*bench:\s*lua5\.4-only:?\s*(.*)", line)
            if m:
                return m.group(1).strip() or "needs Lua 5.4"
    return None


# ---------------------------------------------------------------------------------------------------------
# Running processes

def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass


def read_rss(path):
    """Returns the last integer line GNU time wrote to "path" (its %M, in KB), or None."""
    try:
        with open(path) as f:
            lines = [l.strip() for l in f if l.strip().isdigit()]
        return int(lines[-1]) if lines else None
    except OSError:
        return None


def run_once(argv, timeout, tools=None, env=None):
    """Runs "argv" from the repository root with a timeout in seconds and returns a Run. With "tools",
    measures peak RSS through /usr/bin/time -f %M when present, else through os.wait4's rusage."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(suffix=".rss") as rss:
        full = list(argv)
        use_time = tools is not None and tools.time_bin is not None
        if use_time:
            full = [tools.time_bin, "-f", "%M", "-o", rss.name] + full
        full_env = dict(os.environ, **env) if env else None
        t0 = time.perf_counter()
        try:
            p = subprocess.Popen(full, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=ROOT,
                                 env=full_env, start_new_session=True)
        except OSError as e:
            return Run(error=str(e))
        timer = threading.Timer(timeout, kill_group, [p.pid])
        timer.start()
        _, status, usage = os.wait4(p.pid, 0)
        secs = time.perf_counter() - t0
        timed_out = not timer.is_alive()
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        r = Run(p.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                secs, None, timed_out)
        if tools is not None:
            r.rss_kb = read_rss(rss.name) if use_time else usage.ru_maxrss
        return r


def failure(run, timeout):
    """Returns a one-line reason for a failed Run, or "" if it succeeded."""
    if run.rc is None:
        return "cannot start: " + run.error
    if run.timed_out:
        return "timeout after %g s" % timeout
    if run.rc == 0:
        return ""
    lines = [l for l in run.err.splitlines() if l.strip() and not l.startswith("Command ")]
    what = "killed by signal %d" % -run.rc if run.rc < 0 else "exit %d" % run.rc
    if run.rc > 128:
        what = "exit %d (signal %d?)" % (run.rc, run.rc - 128)
    return what + (": " + lines[0].strip()[:160] if lines else "")


def significant_lines(text):
    """Returns the output lines that take part in comparisons: all but those starting with "# "."""
    return [l for l in text.splitlines() if not l.startswith("# ")]


def first_difference(expected, got):
    """Returns a short description of the first line where two outputs differ."""
    for i in range(max(len(expected), len(got))):
        e = expected[i] if i < len(expected) else "<none>"
        g = got[i] if i < len(got) else "<none>"
        if e != g:
            return "line %d: expected %r, got %r" % (i + 1, e[:60], g[:60])
    return "outputs differ"


def command_text(argv):
    """Returns "argv" as a shell-quoted command line with paths made relative to the repository root."""
    return " ".join(shlex.quote(rel(a) if os.path.isabs(a) else a) for a in argv)


# ---------------------------------------------------------------------------------------------------------
# Building

def build_vmc(tools, source, exe, timeout=600):
    """Runs `vmc build source -o exe`; returns "" on success or the reason it failed."""
    if tools.vmc is None:
        return tools.vmc_reason
    r = run_once([tools.vmc, "build", source, "-o", exe], timeout)
    reason = failure(r, timeout)
    if not reason and not os.path.isfile(exe):
        reason = "vmc build wrote no executable"
    return ("vmc build: " + reason) if reason else ""


def build_twin(tools, name):
    """Compiles bench/c/NAME.c with gcc -O2 into build/bench/c-NAME; returns "" or the reason it failed."""
    if tools.gcc is None:
        return "gcc not found"
    exe = os.path.join(OUT, "c-" + name)
    r = run_once([tools.gcc, "-O2", "-o", exe, os.path.join(BENCH, "c", name + ".c"), "-lm"], 300)
    reason = failure(r, 300)
    return ("gcc: " + reason) if reason else ""


def make_cells(tools, name, size, waiting):
    """Builds what program "name" needs and returns its Cells, not yet checked."""
    src = os.path.join("bench", name + ".lua")
    cells = {"lua5.4": Cell([tools.lua, src, size])}
    for key, flags in (("luajit-joff", ["-joff"]), ("luajit", [])):
        if tools.luajit is None:
            cells[key] = Cell(status="fail", reason="luajit not found")
        elif lua54_only(name):
            cells[key] = Cell(status="n/a", reason=lua54_only(name))
        else:
            cells[key] = Cell([tools.luajit] + flags + [src, size])
    if name in waiting:
        for key in VMC_KEYS:
            cells[key] = Cell(status="waiting", reason=waiting[name] or "waiting")
    elif tools.vmc is None:
        for key in VMC_KEYS:
            cells[key] = Cell(status="fail", reason=tools.vmc_reason)
    else:
        cells["vmc-run"] = Cell([tools.vmc, "run", "--no-cache", src, size])   # libtcc, compile included
        cells["vmc-warm"] = Cell([tools.vmc, "run", src, size])   # from the run cache (CACHE), filled first
        exe = os.path.join(OUT, name)
        reason = build_vmc(tools, src, exe)
        cells["vmc-build"] = Cell(status="fail", reason=reason) if reason else Cell([exe, size])
    cells["python3"] = Cell(status="absent")
    if os.path.exists(os.path.join(BENCH, "py", name + ".py")):
        cells["python3"] = Cell([tools.python, os.path.join("bench", "py", name + ".py"), size])
    cells["c"] = Cell(status="absent")
    if os.path.exists(os.path.join(BENCH, "c", name + ".c")):
        reason = build_twin(tools, name)
        cells["c"] = Cell(status="fail", reason=reason) if reason else Cell([os.path.join(OUT, "c-" + name), size])
    return cells


# ---------------------------------------------------------------------------------------------------------
# Checking

def luajit_syntax_error(tools, name):
    """Returns LuaJIT's syntax error for bench/NAME.lua, or None if LuaJIT can load it."""
    path = os.path.join("bench", name + ".lua")
    code = "local f, e = loadfile(%s) if not f then io.stderr:write(e) os.exit(3) end" % json.dumps(path)
    r = run_once([tools.luajit, "-e", code], 60)
    return r.err.strip() or "syntax error" if r.rc == 3 else None


def check_cell(tools, prog, key, expected, timeout):
    """Runs one cell once; marks it fail, n/a or wrong, and records the time and peak RSS of the run.
    Returns the significant lines of its output, or None if it failed."""
    cell = prog.cells[key]
    r = run_once(cell.argv, timeout, tools)
    cell.rss_kb, cell.time = r.rss_kb, r.secs
    reason = failure(r, timeout)
    got = significant_lines(r.out)
    if reason:
        syntax = luajit_syntax_error(tools, prog.name) if key in LUAJIT_KEYS else None
        cell.status, cell.reason = ("n/a", "LuaJIT cannot parse it: " + syntax) if syntax else ("fail", reason)
    elif expected is not None and got != expected:
        cell.status, cell.reason = "wrong", first_difference(expected, got)
    if cell.status != "ok":
        cell.time = None
        return None
    return got


def wait_cache(timeout=900):
    """Waits until no run-cache fill is in progress (no KEY.lock, no tmp- file in CACHE/vmc)."""
    end = time.time() + timeout
    d = os.path.join(CACHE, "vmc")
    while time.time() < end:
        busy = os.path.isdir(d) and any(n.endswith(".lock") or n.startswith("tmp-") for n in os.listdir(d))
        if not busy:
            return
        time.sleep(0.2)


def check_program(tools, prog, timeout):
    """Runs every runnable cell of "prog" once and compares its output with lua5.4's. The warm cell's first run
    fills the run cache; it is checked again from the cache."""
    expected = check_cell(tools, prog, "lua5.4", None, timeout)
    for key, _ in RUNTIMES[1:]:
        cell = prog.cells[key]
        if cell.status != "ok":
            continue
        if expected is None:
            cell.status, cell.reason = "fail", "no reference output: lua5.4 failed"
            continue
        check_cell(tools, prog, key, expected, timeout)
        if key == "vmc-warm" and cell.status == "ok":
            wait_cache()
            check_cell(tools, prog, key, expected, timeout)


# ---------------------------------------------------------------------------------------------------------
# Timing

def time_with_hyperfine(tools, commands, warmup, runs, tag):
    """Times the named argvs in one hyperfine invocation; returns {name: median seconds} or None."""
    os.makedirs(OUT, exist_ok=True)
    export = os.path.join(OUT, "hyperfine-%s.json" % tag)
    argv = [tools.hyperfine, "-N", "--style", "none", "--warmup", str(warmup), "--runs", str(runs),
            "--export-json", export]
    for name, cmd in commands.items():
        argv += ["-n", name, command_text(cmd)]
    r = subprocess.run(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.stderr.write("hyperfine failed (%s); using the built-in harness\n" % r.stderr.strip()[-200:])
        return None
    with open(export) as f:
        results = json.load(f)["results"]
    medians = {}
    for name, res in zip(commands, results):
        ok = all(code == 0 for code in res.get("exit_codes", [0]))
        medians[name] = res["median"] if ok else None
    return medians


def time_round_robin(commands, warmup, runs):
    """Times the named argvs by alternating them round-robin; returns {name: median seconds or None}."""
    samples = {name: [] for name in commands}
    for round_no in range(warmup + runs):
        for name, cmd in commands.items():
            if samples[name] is None:
                continue
            r = run_once(cmd, 3600)
            if failure(r, 3600):
                samples[name] = None
            elif round_no >= warmup:
                samples[name].append(r.secs)
    return {name: statistics.median(s) if s else None for name, s in samples.items()}


def time_commands(tools, commands, args, tag):
    """Returns {name: median seconds or None} for the named argvs: one run each in --quick mode, else
    hyperfine (--warmup, --runs) when available, else the round-robin harness."""
    if not commands:
        return {}
    if args.quick:
        return time_round_robin(commands, 0, 1)
    if tools.hyperfine:
        medians = time_with_hyperfine(tools, commands, args.warmup, args.runs, tag)
        if medians is not None:
            return medians
    return time_round_robin(commands, args.warmup, args.runs)


def time_program(tools, prog, args):
    """Sets the median time of every ok cell; --quick keeps the single checking run's time."""
    if args.quick:
        return
    ok = {key: cell.argv for key, cell in prog.cells.items() if cell.status == "ok"}
    medians = time_commands(tools, ok, args, prog.name)
    for key, t in medians.items():
        cell = prog.cells[key]
        cell.time = t
        if t is None:
            cell.status, cell.reason = "fail", "failed while being timed"


# ---------------------------------------------------------------------------------------------------------
# Extra figures: compile latency, executable size, heap bytes per call

def write_hello(path):
    with open(path, "w") as f:
        f.write('print("hello world")\n')


def write_5000_lines(path, lines=5000):
    """Writes a deterministic Lua program of exactly "lines" lines: many small functions in a table,
    each with locals, branches, loops, a table constructor and string operations, then calls to all."""
    out = ["-- generated by bench/run.py: a %d-line program for compile-latency figures" % lines, "local F = {}"]
    footer = [
        "local acc = 0",
        "for i = 1, #F do",
        "  acc = (acc + F[i](i, acc % 97)) % 1000003",
        "end",
        "print(#F, acc)",
    ]
    body = [
        "F[{i}] = function(a, b)",
        "  local x = a + {i}",
        "  local y = b * 2 + {k}",
        "  if x > y then",
        "    x = x - y",
        "  elseif x == y then",
        "    x = x + 1",
        "  else",
        "    y = y - x",
        "  end",
        "  for j = 1, {k} do",
        "    x = x + j % 3",
        "  end",
        "  local t = {{x, y, {i}, name = \"f{i}\"}}",
        "  local s = t.name .. \":\" .. #t",
        "  while y > 100 do",
        "    y = y - 100",
        "  end",
        "  return (x + y + #s) % 1000",
        "end",
    ]
    i = 0
    while len(out) + len(body) + len(footer) <= lines:
        i += 1
        out += [l.format(i=i, k=i % 7 + 1) for l in body]
    while len(out) + len(footer) < lines:
        out.append("-- padding")
    with open(path, "w") as f:
        f.write("\n".join(out + footer) + "\n")


def fib_calls(n):
    """Returns the number of calls naive fib(n) makes: 2*F(n+1) - 1."""
    a, b = 0, 1
    for _ in range(n + 1):
        a, b = b, a + b
    return 2 * a - 1


def check_extra(tools, argv, expected, label, notes):
    """Runs "argv" once; returns True if it printed "expected", else records why in "notes"."""
    r = run_once(argv, 300)
    reason = failure(r, 300)
    if not reason and significant_lines(r.out) != expected:
        reason = "wrong output: " + first_difference(expected, significant_lines(r.out))
    if reason:
        notes[label] = reason
    return not reason


def extra_commands(tools, notes):
    """Checks and returns the named commands whose times are extra figures; failures go to "notes"."""
    hello, gen = os.path.join(OUT, "hello.lua"), os.path.join(OUT, "gen5000.lua")
    write_hello(hello)
    write_5000_lines(gen)
    cmds = {}
    fib_src = os.path.join("bench", "fib.lua")
    for label, src in (("hello", hello), ("5000 lines", gen), ("fib(%d)" % FIB_EXTRA_SIZE, fib_src)):
        args = [str(FIB_EXTRA_SIZE)] if src == fib_src else []
        oracle = run_once([tools.lua, src] + args, 300)
        if failure(oracle, 300):
            notes["lua5.4 " + label] = failure(oracle, 300)
            continue
        expected = significant_lines(oracle.out)
        cmds["lua5.4 " + label] = [tools.lua, src] + args
        if tools.vmc is None:
            for what in ("vmc run ", "vmc build ", "vmc-build exe "):
                notes[what + label] = tools.vmc_reason
            continue
        run_cmd = [tools.vmc, "run", "--no-cache", src] + args
        if check_extra(tools, run_cmd, expected, "vmc run " + label, notes):
            cmds["vmc run " + label] = run_cmd
        warm_cmd = [tools.vmc, "run", src] + args
        if check_extra(tools, warm_cmd, expected, "vmc run (warm) " + label, notes):
            wait_cache()
            cmds["vmc run (warm) " + label] = warm_cmd
        exe = os.path.join(OUT, os.path.basename(src)[:-4])
        reason = build_vmc(tools, src, exe)
        if reason:
            notes["vmc build " + label] = notes["vmc-build exe " + label] = reason
            continue
        cmds["vmc build " + label] = [tools.vmc, "build", src, "-o", exe]
        if check_extra(tools, [exe] + args, expected, "vmc-build exe " + label, notes):
            cmds["vmc-build exe " + label] = [exe] + args
    return cmds


def heap_per_call(tools, notes):
    """Returns heap bytes per fib call from VMC_GCSTATS=1, or None with the reason in "notes"."""
    exe = os.path.join(OUT, "fib")
    if tools.vmc is None or not os.path.isfile(exe):
        notes["heap bytes per call"] = tools.vmc_reason or "no fib executable"
        return None
    r = run_once([exe, str(FIB_EXTRA_SIZE)], 300, env={"VMC_GCSTATS": "1"})
    m = re.search(r"vmc-gc: bytes_allocd=(\d+)", r.err)
    if not m:
        notes["heap bytes per call"] = "no 'vmc-gc: bytes_allocd=N' line on stderr"
        return None
    return int(m.group(1)) / fib_calls(FIB_EXTRA_SIZE)


def extras(tools, args):
    """Measures the figures beside the per-program table; returns (times, sizes, heap, notes)."""
    notes = {}
    cmds = extra_commands(tools, notes)
    times = time_commands(tools, cmds, args, "extras")
    for name, t in times.items():
        if t is None:
            notes[name] = "failed while being timed"
    sizes = {}
    hello_exe = os.path.join(OUT, "hello")
    if tools.vmc is not None and os.path.isfile(hello_exe):
        sizes["hello executable (bytes)"] = os.path.getsize(hello_exe)
    return times, sizes, heap_per_call(tools, notes), notes


# ---------------------------------------------------------------------------------------------------------
# Reports

def first_line(argv):
    try:
        r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=30)
        lines = r.stdout.strip().splitlines()
        # Name and version only: banners such as lua5.4's and luajit's go on with copyright notices.
        return lines[0].split("Copyright")[0].strip(" -") if lines else "(no output)"
    except (OSError, subprocess.SubprocessError) as e:
        return "unavailable (%s)" % e


def versions(tools):
    """Returns [(tool, version line)] for every runtime and tool used."""
    v = [("lua5.4", first_line([tools.lua, "-v"]))]
    v.append(("luajit", first_line([tools.luajit, "-v"]) if tools.luajit else "not found"))
    v.append(("vmc", first_line([tools.vmc, "--version"]) if tools.vmc else tools.vmc_reason))
    v.append(("python3", first_line([tools.python, "--version"]) + " (" + tools.python + ")"))
    v.append(("gcc", first_line([tools.gcc, "--version"]) if tools.gcc else "not found"))
    v.append(("hyperfine", first_line([tools.hyperfine, "--version"]) if tools.hyperfine else
              "not used: built-in round-robin harness"))
    v.append(("peak RSS via", "/usr/bin/time -f %M" if tools.time_bin else "os.wait4 rusage"))
    return v


def machine():
    """Returns [(label, value)] describing this machine."""
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = "%.2f %.2f %.2f" % os.getloadavg()
    return [("uname -a", first_line(["uname", "-a"])), ("CPU", cpu), ("nproc", str(nproc)),
            ("load average (1, 5, 15 min) when the report was written", load)]


def ratio(prog, num, den):
    """Returns time(num) / time(den) for "prog", or None unless both cells were timed."""
    a, b = prog.cells[num], prog.cells[den]
    if a.status == "ok" and b.status == "ok" and a.time and b.time:
        return a.time / b.time
    return None


def geomean(values):
    values = [v for v in values if v]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def fmt_time(t):
    return "%.3f" % t if t >= 0.1 else "%.4f" % t


def fmt_cell(cell):
    return fmt_time(cell.time) if cell.status == "ok" and cell.time is not None else STATUS_SHOWN.get(cell.status, "?")


def fmt_num(x, digits=2):
    return "-" if x is None else "%.*f" % (digits, x)


def time_rows(progs):
    head = ["program", "size"] + [title for _, title in RUNTIMES]
    return head, [[p.name, p.size] + [fmt_cell(p.cells[k]) for k, _ in RUNTIMES] for p in progs]


def group_sets(progs):
    """Returns [(label, programs)]: one "geomean GROUP" per group with programs in "progs", then "geomean"."""
    sets = [("geomean " + group, [p for p in progs if GROUP_OF[p.name] == group]) for group, _ in GROUPS]
    return [(label, members) for label, members in sets if members] + [("geomean", progs)]


def ratio_rows(progs):
    head = ["program"] + [label for label, _, _ in RATIOS]
    rows = [[p.name] + [fmt_num(ratio(p, n, d)) for _, n, d in RATIOS] for p in progs]
    for label, members in group_sets(progs):
        means = [geomean([ratio(p, n, d) for p in members]) for _, n, d in RATIOS]
        counts = [sum(1 for p in members if ratio(p, n, d)) for _, n, d in RATIOS]
        rows.append([label] + ["%s (%d)" % (fmt_num(m), c) if m else "-" for m, c in zip(means, counts)])
    return head, rows


def rss_rows(progs):
    head = ["program"] + [title for _, title in RUNTIMES] + ["vmc-build/lua5.4"]
    rows = []
    for p in progs:
        row = [p.name]
        for key, _ in RUNTIMES:
            c = p.cells[key]
            row.append("%.1f" % (c.rss_kb / 1024) if c.status == "ok" and c.rss_kb else fmt_cell(c))
        a, b = p.cells["vmc-build"], p.cells["lua5.4"]
        row.append(fmt_num(a.rss_kb / b.rss_kb) if a.status == "ok" and a.rss_kb and b.rss_kb else "-")
        rows.append(row)
    return head, rows


def markdown_table(head, rows):
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    return lines + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]


def text_table(head, rows):
    widths = [max(len(str(r[i])) for r in [head] + rows) for i in range(len(head))]
    fmt = lambda r: "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths)))
    return [fmt(head), "  ".join("-" * w for w in widths)] + [fmt(r) for r in rows]


def target_rows(progs, times, heap):
    """Returns [figure, target, measured, verdict] rows for the targets of BENCHMARKS.md."""
    def verdict(value, good):
        return "no data" if value is None else ("met" if good(value) else "NOT met")

    def gm(num, den, names=None):
        return geomean([ratio(p, num, den) for p in progs if names is None or p.name in names])

    rows = []
    for label, value, target, good in (
        ("vmc build vs luajit (geomean time ratio)", gm("vmc-build", "luajit"), "< 1", lambda v: v < 1),
        ("vmc build vs lua5.4 (geomean time ratio)", gm("vmc-build", "lua5.4"), "<= 0.1", lambda v: v <= 0.1),
        ("vmc build vs lua5.4, object group (geomean)", gm("vmc-build", "lua5.4", OBJECTS), "<= 0.33",
         lambda v: v <= 0.33),
        ("vmc build vs luajit, object group (geomean)", gm("vmc-build", "luajit", OBJECTS), "< 1", lambda v: v < 1),
        ("vmc build vs C, numeric kernels (geomean)", gm("vmc-build", "c", NUMERIC), "<= 2", lambda v: v <= 2),
        ("vmc run vs lua5.4 (geomean time ratio)", gm("vmc-run", "lua5.4"), "<= 0.333", lambda v: v <= 1 / 3),
        ("python3 vs vmc build (geomean time ratio)", gm("python3", "vmc-build"), ">= 50", lambda v: v >= 50),
    ):
        rows.append([label, target, fmt_num(value), verdict(value, good)])
    fib_t = times.get("vmc-build exe fib(%d)" % FIB_EXTRA_SIZE)
    rows.append(["fib(%d) with vmc build (ms)" % FIB_EXTRA_SIZE, "< 10", fmt_num(fib_t and fib_t * 1000, 1),
                 verdict(fib_t, lambda v: v < 0.010)])
    rows.append(["heap bytes per fib call", "0", fmt_num(heap, 3), verdict(heap, lambda v: v == 0)])
    for label, limit in (("hello", 10), ("5000 lines", 100)):
        t = times.get("vmc run " + label)
        rows.append(["vmc run %s, time to exit (ms)" % label, "< %d" % limit, fmt_num(t and t * 1000, 1),
                     verdict(t, lambda v, limit=limit: v < limit / 1000)])
    over = [p.name for p in progs if p.cells["vmc-build"].status == "ok" and p.cells["vmc-build"].rss_kb
            and p.cells["lua5.4"].rss_kb and p.cells["vmc-build"].rss_kb > p.cells["lua5.4"].rss_kb]
    measured = [p for p in progs if p.cells["vmc-build"].status == "ok" and p.cells["vmc-build"].rss_kb]
    rows.append(["peak RSS, vmc build above lua5.4", "none", ", ".join(over) or ("none" if measured else "-"),
                 "no data" if not measured else ("met" if not over else "NOT met")])
    return rows


def failure_lines(progs, notes):
    """Returns markdown bullet lines grouping identical (runtime, status, reason) across programs."""
    groups = {}
    for p in progs:
        for key, title in RUNTIMES:
            c = p.cells[key]
            if c.status in ("fail", "wrong", "n/a", "waiting"):
                groups.setdefault((title, c.status, c.reason), []).append(p.name)
    lines = ["- %s `%s` on %s: %s" % (title, status, ", ".join(names), reason or "?")
             for (title, status, reason), names in groups.items()]
    by_reason = {}
    for label, reason in notes.items():
        by_reason.setdefault(reason, []).append(label)
    lines += ["- extra figures %s: %s" % (", ".join(labels), reason) for reason, labels in by_reason.items()]
    return lines or ["- none"]


def write_markdown(path, args, tools, progs, extra):
    times, sizes, heap, notes = extra
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    mode = ("quick: each program once at its bench/tiny.txt size, no warm-up" if args.quick else
            "full: default sizes, warm-up %d, median of %d runs (%s)" %
            (args.warmup, args.runs, "hyperfine" if tools.hyperfine else "round-robin harness"))
    md = ["# vmc benchmark results", "", "Written by `python3 bench/run.py%s` on %s." %
          (" --quick" if args.quick else "", now), "", "Mode: " + mode + ".", ""]
    md += ["## Machine", ""] + ["- %s: `%s`" % (k, v) for k, v in machine()] + [""]
    md += ["## Versions", ""] + ["- %s: %s" % (k, v) for k, v in versions(tools)] + [""]
    md += ["## Median time (seconds)", "",
           "Cells: `wrong` = output differs from lua5.4's (never timed); `fail` = crashed, nonzero exit or could "
           "not be built; `n/a` = LuaJIT cannot run the program; `waiting` = vmc lacks a feature "
           "(bench/waiting.txt); `-` = no twin.", ""]
    md += markdown_table(*time_rows(progs)) + [""]
    md += ["## Ratios", "", "Each ratio is time(A) / time(B): below 1 means A is faster. Geometric means are over "
           "the programs where both cells were timed (count in parentheses).", ""]
    md += markdown_table(*ratio_rows(progs)) + [""]
    md += ["## Compile latency and size", ""]
    lat = [[name, fmt_num(t and t * 1000, 1)] for name, t in times.items()]
    lat += [[name, str(v)] for name, v in sizes.items()]
    lat.append(["heap bytes per call, fib(%d) (VMC_GCSTATS=1)" % FIB_EXTRA_SIZE, fmt_num(heap, 3) if heap is not None
                else "n/a"])
    md += markdown_table(["figure", "ms (or value)"], lat) + [""]
    md += ["## Peak memory (max RSS, MB, of the checking run)", ""] + markdown_table(*rss_rows(progs)) + [""]
    md += ["## Targets (BENCHMARKS.md)", ""]
    md += markdown_table(["figure", "target", "measured", "verdict"], target_rows(progs, times, heap)) + [""]
    md += ["## Cells that did not run and why", ""] + failure_lines(progs, notes) + [""]
    md += ["Chart: [%s](%s)." % (svg_name(args), svg_name(args)), ""]
    with open(path, "w") as f:
        f.write("\n".join(md))


def svg_name(args):
    return "results-quick.svg" if args.quick else "results.svg"


# ---------------------------------------------------------------------------------------------------------
# The chart

def chart_rows(progs):
    """Returns [(label, [speedup or None per series])] with the geomean rows of group_sets last."""
    rows = []
    for p in progs:
        label = p.name + (" (waiting)" if p.cells["vmc-build"].status == "waiting" else "")
        rows.append((label, [ratio(p, ref, meas) for _, ref, meas, _ in SERIES]))
    for label, members in group_sets(progs):
        rows.append((label, [geomean([ratio(p, ref, meas) for p in members]) for _, ref, meas, _ in SERIES]))
    return rows


def log_bounds(values):
    """Returns powers of ten (lo, hi) covering "values" and at least 0.1..10."""
    lo, hi = 0.1, 10.0
    for v in values:
        lo = min(lo, 10 ** math.floor(math.log10(v)))
        hi = max(hi, 10 ** math.ceil(math.log10(v)))
    return max(lo, 1e-3), min(hi, 1e4)


def svg_chart(progs, subtitle):
    """Returns an SVG horizontal bar chart, log scale, of each series' speedup per program."""
    rows = chart_rows(progs)
    lo, hi = log_bounds([v for _, vals in rows for v in vals if v])
    left, right, top, bar, gap = 170, 40, 110, 6, 10
    width, plot_w = 960, 960 - 170 - 40
    row_h = bar * len(SERIES) + gap
    height = top + row_h * len(rows) + 70
    xpos = lambda v: left + (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * plot_w
    s = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
         'font-family="sans-serif" font-size="11">' % (width, height, width, height),
         '<rect width="100%" height="100%" fill="white"/>',
         '<text x="%d" y="24" font-size="16" font-weight="bold">vmc speedup over lua5.4 and luajit</text>' % left,
         '<text x="%d" y="42" fill="#555">%s</text>' % (left, escape(subtitle))]
    for i, (legend, _, _, colour) in enumerate(SERIES):
        x, y = left + (i % 3) * 250, 60 + (i // 3) * 18
        s.append('<rect x="%d" y="%d" width="14" height="10" fill="%s"/>' % (x, y, colour))
        s.append('<text x="%d" y="%d">%s</text>' % (x + 20, y + 9, escape(legend)))
    s += svg_grid(lo, hi, xpos, top, top + row_h * len(rows))
    for r, (label, vals) in enumerate(rows):
        y0 = top + r * row_h + gap // 2
        is_mean = label.startswith("geomean")
        # A rule above the group geomeans and another above the overall one.
        if is_mean and (label == "geomean" or not rows[r - 1][0].startswith("geomean")):
            y_line = y0 - gap // 2
            s.append('<line x1="10" x2="%d" y1="%d" y2="%d" stroke="#333"/>' % (width - 10, y_line, y_line))
        weight = ' font-weight="bold"' if is_mean else ""
        s.append('<text x="%d" y="%d" text-anchor="end"%s>%s</text>'
                 % (left - 8, y0 + row_h // 2, weight, escape(label)))
        if not any(vals):
            s.append('<text x="%d" y="%d" fill="#999">no data</text>' % (xpos(1) + 6, y0 + row_h // 2))
        for i, v in enumerate(vals):
            if v:
                s.append(svg_bar(xpos, v, y0 + i * bar, bar - 1, SERIES[i][3]))
    axis_y = top + row_h * len(rows) + 38
    s.append('<text x="%d" y="%d" text-anchor="middle">speedup = time of the reference / time of the measured '
             'runtime (log scale; right of 1x is faster)</text>' % (left + plot_w // 2, axis_y))
    s.append('<text transform="translate(16,%d) rotate(-90)" text-anchor="middle">program</text>'
             % (top + row_h * len(rows) // 2))
    s.append("</svg>")
    return "\n".join(s) + "\n"


def svg_grid(lo, hi, xpos, y_top, y_bottom):
    """Returns SVG lines for the log-scale grid, the 1x line and the tick labels."""
    s = []
    decade = lo
    while decade <= hi * 1.0001:
        for m in (1, 2, 5):
            v = decade * m
            if v > hi * 1.0001:
                break
            x = xpos(v)
            colour = "#333" if abs(v - 1) < 1e-9 else ("#bbb" if m == 1 else "#e4e4e4")
            s.append('<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="%s"/>' % (x, x, y_top, y_bottom, colour))
            if m == 1 or hi / lo <= 1000:
                s.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#333">%gx</text>' % (x, y_bottom + 16, v))
        decade *= 10
    s.append('<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="#333"/>' % (xpos(lo), xpos(hi), y_bottom, y_bottom))
    return s


def svg_bar(xpos, v, y, h, colour):
    x0, x1 = sorted((xpos(1), xpos(v)))
    label_x = xpos(v) + 3 if v >= 1 else xpos(v) - 3
    anchor = "start" if v >= 1 else "end"
    return ('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%.2fx</title></rect>'
            '<text x="%.1f" y="%d" font-size="7" text-anchor="%s" fill="#444">%.2g</text>'
            % (x0, y, max(x1 - x0, 0.5), h, colour, v, label_x, y + h, anchor, v))


def write_svg(path, tools, progs, args):
    """Writes the chart, checks it parses as XML and, with rsvg-convert, that it renders."""
    mode = "quick run, tiny sizes" if args.quick else "median of %d runs" % args.runs
    subtitle = "%s; %s" % (datetime.date.today().isoformat(), mode)
    if tools.vmc is None:
        subtitle += "; no vmc bars: " + tools.vmc_reason
    svg = svg_chart(progs, subtitle)
    ElementTree.fromstring(svg)
    with open(path, "w") as f:
        f.write(svg)
    if tools.rsvg:
        png = os.path.join(OUT, os.path.basename(path)[:-4] + ".png")
        r = subprocess.run([tools.rsvg, "-o", png, path], stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            sys.stderr.write("warning: rsvg-convert cannot render %s: %s\n" % (path, r.stderr.strip()))


# ---------------------------------------------------------------------------------------------------------

def parse_args():
    ap = argparse.ArgumentParser(description="Run the vmc benchmarks against lua5.4, luajit, python3 and C.")
    ap.add_argument("--quick", action="store_true", help="each program once at its tiny size, no warm-up; "
                    "writes bench/RESULTS-quick.md and bench/results-quick.svg")
    ap.add_argument("--vmc", default=os.path.join(ROOT, "build", "vmc"), help="the vmc executable (build/vmc)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per command (5)")
    ap.add_argument("--warmup", type=int, default=1, help="warm-up runs per command (1)")
    ap.add_argument("--no-hyperfine", action="store_true", help="use the built-in round-robin harness")
    ap.add_argument("names", nargs="*", help="programs to run (default: all)")
    args = ap.parse_args()
    args.names = [n[:-4] if n.endswith(".lua") else n for n in args.names]
    unknown = [n for n in args.names if n not in PROGRAMS]
    if unknown:
        ap.error("unknown program(s) %s; known: %s" % (", ".join(unknown), " ".join(PROGRAMS)))
    return args


def bench_program(tools, args, name, size, waiting):
    """Builds, checks and times one program; never raises (a runner error fails the remaining cells)."""
    prog = Program(name, size)
    try:
        prog.cells = make_cells(tools, name, size, waiting)
        check_program(tools, prog, 120 if args.quick else 900)
        time_program(tools, prog, args)
    except Exception as e:  # noqa: BLE001 - the bench must still write its outputs
        traceback.print_exc()
        for key, _ in RUNTIMES:
            cell = prog.cells.setdefault(key, Cell(status="fail", reason="runner error: %r" % e))
            if cell.time is None and cell.status == "ok":
                cell.status, cell.reason = "fail", "runner error: %r" % e
    return prog


def main():
    args = parse_args()
    tools = Tools(args)
    if tools.lua is None:
        sys.exit("run.py: lua5.4 not found; it is the reference every output is checked against")
    os.makedirs(OUT, exist_ok=True)
    shutil.rmtree(CACHE, ignore_errors=True)   # a cache of our own, empty: never the user's
    os.environ["XDG_CACHE_HOME"] = CACHE
    os.environ.pop("VMC_CACHE", None)
    tiny, waiting = read_pairs(os.path.join(BENCH, "tiny.txt")), read_pairs(os.path.join(BENCH, "waiting.txt"))
    progs = []
    for name in args.names or PROGRAMS:
        size = (tiny.get(name) or QUICK_FALLBACK.get(name, "1")) if args.quick else default_size(name)
        sys.stderr.write("bench: %s %s\n" % (name, size))
        progs.append(bench_program(tools, args, name, size, waiting))
    sys.stderr.write("bench: extra figures\n")
    extra = extras(tools, args)
    md = os.path.join(BENCH, "RESULTS-quick.md" if args.quick else "RESULTS.md")
    write_markdown(md, args, tools, progs, extra)
    write_svg(os.path.join(BENCH, svg_name(args)), tools, progs, args)
    print("\n".join(text_table(*time_rows(progs))))
    print()
    print("\n".join(text_table(*ratio_rows(progs))))
    print()
    times, sizes, heap, notes = extra
    for label, t in times.items():
        print("%-34s %s ms" % (label, fmt_num(t and t * 1000, 1)))
    for label, v in sizes.items():
        print("%-34s %s" % (label, v))
    print("%-34s %s" % ("heap bytes per fib call", fmt_num(heap, 3) if heap is not None else "n/a"))
    print("\nwrote %s and %s" % (rel(md), rel(os.path.join(BENCH, svg_name(args)))))


if __name__ == "__main__":
    main()
