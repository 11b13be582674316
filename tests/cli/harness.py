"""tests/cli/harness.py - what the test programs of tests/cli share: one behaviour per test_<name> function,
run in a temporary directory of its own, reported as tests/run.sh reports ("PASS area/name", "FAIL area/name"
with the reason indented, "SKIP area/name (why)", not counted)."""
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor


class Fail(Exception):
    pass


class Skip(Exception):
    pass


def expect(cond, what):
    if not cond:
        raise Fail(what)


def run_one(area, name, fn, make):
    # a run cache's background filler may still write there: cleaning up must not fail the test
    with tempfile.TemporaryDirectory(prefix="vmc%s." % area, ignore_cleanup_errors=True) as d:
        try:
            fn(make(d))
            return "PASS %s/%s" % (area, name)
        except Skip as e:
            return "SKIP %s/%s (%s)" % (area, name, e)
        except (Fail, subprocess.TimeoutExpired, OSError, ValueError, IndexError) as e:
            return "FAIL %s/%s\n    %s" % (area, name, str(e).replace("\n", "\n    "))


def main(area, namespace, make, jobs=1):
    """Runs the test_* functions of namespace (a module's globals) named on the command line after VMC (all if
    none), each with make(tmpdir, vmc); jobs of them at a time. Returns the exit status: 1 if one failed."""
    if len(sys.argv) < 2:
        sys.exit("usage: %s VMC [NAME...]" % sys.argv[0])
    vmc = os.path.abspath(sys.argv[1])
    only = set(sys.argv[2:])
    tests = [(n[5:], f) for n, f in sorted(namespace.items()) if n.startswith("test_") and callable(f)]
    todo = [(n, f) for n, f in tests if not only or n in only]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda t: run_one(area, t[0], t[1], lambda d: make(d, vmc)), todo))
    for r in results:
        print(r, flush=True)
    return 1 if any(r.startswith("FAIL") for r in results) else 0
