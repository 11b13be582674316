#!/usr/bin/env python3
"""tests/cli/test_cache.py - the run cache of `vmc run`: hit, miss, stale, corrupt, concurrent, bounded.

Usage: tests/cli/test_cache.py VMC [NAME...]

Every test has its own cache ($XDG_CACHE_HOME in a temporary directory), never the user's. VMC_CACHE_TRACE=1
makes vmc say on stderr what the cache did ("vmc-cache: miss KEY", "hit PATH", "corrupt (removed) PATH",
"filling KEY", "busy KEY"); the tests also check the files and, for a hit, that the program's code really comes
from the cached shared object (/proc/self/maps). The filler runs in the background: tests wait for its entry.
"""
import glob
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from harness import Fail, expect, main

PROG = """local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local maps = io.open("/proc/self/maps"):read("a")
print(fib(20), VERSION, (maps:find("/vmc/%x+%.so") and "cached" or "not cached"))
"""


class T:
    def __init__(self, d, vmc):
        self.vmc, self.dir = vmc, d
        self.cache = os.path.join(d, "xdg", "vmc")
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("LUA_", "VMC_"))}
        self.env.update(XDG_CACHE_HOME=os.path.join(d, "xdg"), VMC_CACHE_TRACE="1", HOME=d)

    def write(self, name, text):
        with open(os.path.join(self.dir, name), "w") as f:
            f.write(text)

    def run(self, *args, env=None):
        p = subprocess.run([self.vmc] + list(args), cwd=self.dir, env=dict(self.env, **(env or {})),
                           capture_output=True, text=True, timeout=120)
        return p

    def entries(self, pattern="*.so"):
        return sorted(glob.glob(os.path.join(self.cache, pattern)))

    def wait_filled(self, count=1, timeout=120):
        """Waits until count entries exist and no fill is in progress."""
        end = time.time() + timeout
        while time.time() < end:
            busy = self.entries("*.lock") + self.entries("tmp-*")
            if len(self.entries()) >= count and not busy:
                return
            time.sleep(0.1)
        raise Fail("the cache was not filled in %d s: %s" % (timeout, os.listdir(self.cache)))


def trace(p):
    return [l.split(" ")[1] for l in p.stderr.splitlines() if l.startswith("vmc-cache: ")]


def test_miss_then_hit(t):
    t.write("p.lua", PROG.replace("VERSION", "'v1'"))
    p = t.run("p.lua")
    expect(p.returncode == 0 and p.stdout == "6765\tv1\tnot cached\n", "first run: %r %r" % (p.stdout, p.stderr))
    expect(trace(p) == ["miss", "filling"], "first run's trace: %r" % p.stderr)
    t.wait_filled()
    p = t.run("p.lua")
    expect(p.stdout == "6765\tv1\tcached\n" and trace(p) == ["hit"], "second run: %r %r" % (p.stdout, p.stderr))
    p = t.run("run", "p.lua")
    expect(p.stdout == "6765\tv1\tcached\n" and trace(p) == ["hit"], "vmc run: %r %r" % (p.stdout, p.stderr))


def test_default_directory_is_home_cache(t):
    t.write("p.lua", PROG.replace("VERSION", "'v1'"))
    del t.env["XDG_CACHE_HOME"]
    t.cache = os.path.join(t.dir, ".cache", "vmc")
    t.run("p.lua")
    t.wait_filled()
    expect(len(t.entries()) == 1, "no entry under ~/.cache/vmc")


def test_stale_source_not_used(t):
    t.write("p.lua", PROG.replace("VERSION", "'v1'"))
    t.run("p.lua")
    t.wait_filled()
    t.write("p.lua", PROG.replace("VERSION", "'v2'"))
    p = t.run("p.lua")
    expect(p.stdout == "6765\tv2\tnot cached\n" and trace(p)[0] == "miss", "after an edit: %r %r" % (p.stdout,
                                                                                               p.stderr))
    t.wait_filled(2)
    p = t.run("p.lua")
    expect(p.stdout == "6765\tv2\tcached\n", "the edited program's entry: %r" % p.stdout)


def test_stale_bundled_module_not_used(t):
    t.write("mod.lua", "return 'first'\n")
    t.write("p.lua", 'print(require("mod"))\n')
    t.run("p.lua")
    t.wait_filled()
    t.write("mod.lua", "return 'second'\n")
    p = t.run("p.lua")
    expect(p.stdout == "second\t./mod.lua\n" and trace(p)[0] == "miss", "module edited: %r %r" % (p.stdout, p.stderr))
    t.wait_filled(2)


def test_module_path_is_part_of_the_key(t):
    for d, v in (("a", "A"), ("b", "B")):
        os.makedirs(os.path.join(t.dir, d))
        t.write(d + "/mod.lua", "return '%s'\n" % v)
    t.write("p.lua", 'print((require("mod")))\n')
    for i, (d, v) in enumerate((("a", "A"), ("b", "B"), ("a", "A"), ("b", "B"))):
        p = t.run("p.lua", env={"LUA_PATH": d + "/?.lua"})
        expect(p.stdout == v + "\n", "LUA_PATH=%s/?.lua: %r %r" % (d, p.stdout, p.stderr))
        expect(trace(p)[0] == ("miss" if i < 2 else "hit"), "run %d traces %r" % (i, p.stderr))
        t.wait_filled(min(i + 1, 2))


def corrupt_and_check(t, damage):
    t.write("p.lua", PROG.replace("VERSION", "'v1'"))
    t.run("p.lua")
    t.wait_filled()
    entry = t.entries()[0]
    damage(entry)
    p = t.run("p.lua")
    expect(p.returncode == 0 and p.stdout == "6765\tv1\tnot cached\n", "after damage: %r %r" % (p.stdout, p.stderr))
    expect(trace(p)[0] == "corrupt", "trace after damage: %r" % p.stderr)
    t.wait_filled()
    p = t.run("p.lua")
    expect(p.stdout == "6765\tv1\tcached\n" and trace(p) == ["hit"], "refilled: %r %r" % (p.stdout, p.stderr))


def test_corrupt_byte_detected(t):
    def flip(path):
        with open(path, "r+b") as f:
            f.seek(os.path.getsize(path) // 2)
            b = f.read(1)
            f.seek(-1, 1)
            f.write(bytes([b[0] ^ 0x55]))
    corrupt_and_check(t, flip)


def test_truncated_entry_detected(t):
    corrupt_and_check(t, lambda path: os.truncate(path, os.path.getsize(path) // 2))


def test_foreign_entry_detected(t):
    def replace(path):
        other = os.path.join(t.dir, "other.so")
        subprocess.run(["cc", "-shared", "-fPIC", "-x", "c", "-", "-o", other], input="int vmc_chunk;\n",
                       text=True, check=True)
        os.replace(other, path)   # a valid shared object, not sealed for this key
    corrupt_and_check(t, replace)


def test_concurrent_runs(t):
    t.write("p.lua", PROG.replace("VERSION", "'v1'"))
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: t.run("p.lua"), range(8)))
    for p in results:
        expect(p.returncode == 0 and p.stdout.startswith("6765\tv1\t"), "a concurrent run: %r %r" % (p.stdout,
                                                                                                   p.stderr))
    fills = sum(trace(p).count("filling") for p in results)
    expect(fills >= 1, "nobody filled the cache: %r" % [p.stderr for p in results])
    t.wait_filled()
    left = [n for n in os.listdir(t.cache) if not n.endswith(".so")]
    expect(len(t.entries()) == 1 and not left, "cache after concurrent runs: %s" % os.listdir(t.cache))
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: t.run("p.lua"), range(8)))
    expect(all(p.stdout == "6765\tv1\tcached\n" for p in results), "concurrent hits: %r" % [p.stdout for p in results])


def test_no_cache_option_and_variable(t):
    t.write("p.lua", PROG.replace("VERSION", "'v1'"))
    for args, env in ((["--no-cache", "p.lua"], {}), (["run", "--no-cache", "p.lua"], {}),
                      (["p.lua"], {"VMC_CACHE": "off"})):
        p = t.run(*args, env=env)
        expect(p.stdout == "6765\tv1\tnot cached\n" and p.stderr == "", "%s %s: %r %r" % (env, args, p.stdout,
                                                                                        p.stderr))
    time.sleep(1)
    expect(not os.path.exists(t.cache), "the cache directory was made")


def test_only_the_script_is_cached(t):
    t.write("p.lua", "print(1)\n")
    p = t.run("-e", "print(2)")
    expect(p.stdout == "2\n" and p.stderr == "", "-e: %r %r" % (p.stdout, p.stderr))
    p = subprocess.run([t.vmc, "-"], input="print(3)", cwd=t.dir, env=t.env, capture_output=True, text=True)
    expect(p.stdout == "3\n" and p.stderr == "", "stdin: %r %r" % (p.stdout, p.stderr))


def test_size_bound_evicts_oldest(t):
    sizes = []
    for i in range(4):
        t.write("p%d.lua" % i, PROG.replace("VERSION", "'v%d'" % i))
        p = t.run("p%d.lua" % i, env={"VMC_CACHE_MAX": "1G"})
        t.wait_filled(i + 1)
        sizes.append(os.path.getsize(t.entries()[0]))
        time.sleep(1.1)   # distinct last-use times
    newest = max(t.entries(), key=os.path.getmtime)
    limit = sum(sizes[:2]) + 100   # room for two entries: filling a fifth must evict the three oldest
    t.write("p4.lua", PROG.replace("VERSION", "'v4'"))
    p = t.run("p4.lua", env={"VMC_CACHE_MAX": str(limit)})
    t.wait_filled(1)
    left = t.entries()
    total = sum(os.path.getsize(e) for e in left)
    expect(total <= limit and len(left) == 2, "after eviction: %d bytes in %s (limit %d)" % (total, left, limit))
    expect(newest in left, "the most recently used older entry was evicted")


if __name__ == "__main__":
    sys.exit(main("cache", globals(), T, jobs=2))
