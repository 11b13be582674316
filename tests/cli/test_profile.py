#!/usr/bin/env python3
"""tests/cli/test_profile.py - profiling `vmc run`: the perf map of code compiled by libtcc.

Usage: tests/cli/test_profile.py VMC [NAME...]

With VMC_PERF_MAP=1 (or --perf-map) vmc writes /tmp/perf-<pid>.map, "START SIZE NAME" per function compiled in
memory, which perf reads to name code generated at run time. The tests check the map against the program (its
pid read from /proc/self/stat by the program itself) and, where perf can record, perf report's names. Where perf
cannot record (no perf, or perf_event_open refused), that test prints SKIP with the reason and is not counted.
"""
import os
import re
import shutil
import subprocess
import sys

from harness import Fail, Skip, expect, main

PROG = """local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local function main(n)
  print(fib(n))
end

local loaded = load("return function(x) return x + 1 end", "=chunk")()
print(loaded(1), io.open("/proc/self/stat"):read("n"))
main(tonumber(arg[1]) or 20)
"""


def run(t, args, env=None):
    e = {k: v for k, v in os.environ.items() if not k.startswith("VMC_")}
    e.update(VMC_CACHE="off", **(env or {}))
    return subprocess.run(args, cwd=t.dir, env=e, capture_output=True, text=True, timeout=120)


def mapof(t, p):
    expect(p.returncode == 0, "exit %d: %s" % (p.returncode, p.stderr))
    pid = int(p.stdout.splitlines()[0].split("\t")[1])
    path = "/tmp/perf-%d.map" % pid
    expect(os.path.exists(path), "no %s" % path)
    with open(path) as f:
        lines = f.read().splitlines()
    os.remove(path)
    entries = []
    for line in lines:
        m = re.match(r"^([0-9a-f]+) ([0-9a-f]+) (.+)$", line)
        expect(m, "a line of the map: %r" % line)
        entries.append((int(m.group(1), 16), int(m.group(2), 16), m.group(3)))
    return entries


def check_map(entries):
    names = [e[2] for e in entries]
    for want in ("main chunk (fib.lua)", "fib (fib.lua:1)", "main (fib.lua:6)", "main chunk (chunk)",
                 "function <chunk:1>"):
        expect(want in names, "%r not in the map: %s" % (want, names))
    spans = sorted((a, a + n) for a, n, _ in entries)
    for (a1, e1), (a2, _) in zip(spans, spans[1:]):
        expect(a1 < e1 <= a2, "overlapping or empty entries: %s" % spans)


def test_map_names_lua_functions(t):
    p = run(t, [t.vmc, "fib.lua"], {"VMC_PERF_MAP": "1"})
    check_map(mapof(t, p))


def test_map_option(t):
    p = run(t, [t.vmc, "--perf-map", "fib.lua"])
    check_map(mapof(t, p))


def test_no_map_by_default(t):
    p = run(t, [t.vmc, "fib.lua"])
    pid = int(p.stdout.splitlines()[0].split("\t")[1])
    expect(not os.path.exists("/tmp/perf-%d.map" % pid), "a map was written without VMC_PERF_MAP")


def test_perf_report_names_lua_functions(t):
    if shutil.which("perf") is None:
        raise Skip("perf is not installed")
    data = os.path.join(t.dir, "perf.data")
    p = run(t, ["perf", "record", "-e", "cpu-clock", "-o", data, t.vmc, "fib.lua", "30"], {"VMC_PERF_MAP": "1"})
    if p.returncode != 0:
        raise Skip("perf cannot record here: " + p.stderr.strip().splitlines()[0])
    r = run(t, ["perf", "report", "-i", data, "--stdio", "--sort", "symbol"])
    top = [l for l in r.stdout.splitlines() if l.strip() and not l.startswith("#")][:1]
    expect(top and re.search(r"%\s+\[\.\]\s+fib \(fib\.lua:1\)", top[0]),
           "perf report's first line: %s\n%s" % (top, r.stdout[:2000]))
    pid = int(p.stdout.splitlines()[0].split("\t")[1])
    if os.path.exists("/tmp/perf-%d.map" % pid):
        os.remove("/tmp/perf-%d.map" % pid)


class T:
    def __init__(self, d, vmc):
        self.dir, self.vmc = d, vmc
        with open(os.path.join(d, "fib.lua"), "w") as f:
            f.write(PROG)


if __name__ == "__main__":
    sys.exit(main("profile", globals(), T))
