#!/usr/bin/env python3
"""tests/cli/test_build.py - what `vmc build` makes: portable executables, bundled modules, debugging.

Usage: tests/cli/test_build.py VMC [NAME...]

One behaviour per test function (test_<name>); each prints PASS/FAIL build/<name> as tests/run.sh does.
Portability is checked the way a user would meet it: the executable runs in a chroot holding only the C
library's parts (libc, libm, ld.so) - no Boehm GC, no libtcc or tcc, no C headers - where a control program
linked with the shared libgc cannot start. Needs root (or user namespaces) for chroot, and gdb.
"""
import os
import re
import shutil
import subprocess
import sys

from harness import Fail, Skip, expect, main

LIBC_PARTS = {"linux-vdso.so.1", "libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2", "libdl.so.2",
              "libpthread.so.0"}

FIB = """local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local function main(n)
  local r = fib(n)
  print(r)
end

main(tonumber(arg[1]) or 20)
"""

LOADER = """print("hello from " .. arg[0]:match("[^/]*$"))
print(load("return 6 * 7")())
local f = load("local t = {} for i = 1, 10 do t[i] = i * i end return t[10]")
print(f(), collectgarbage("count") > 0)
"""


def sh(cmd, cwd, check=True, **kw):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300, **kw)
    if check and p.returncode != 0:
        raise Fail("%s exited %d:\n%s%s" % (" ".join(cmd), p.returncode, p.stdout, p.stderr))
    return p


def build(t, src, *opts, name="app"):
    with open(os.path.join(t.dir, name + ".lua"), "w") as f:
        f.write(src)
    sh([t.vmc, "build", name + ".lua", "-o", name] + list(opts), t.dir)
    return os.path.join(t.dir, name)


def needed_libs(exe):
    out = sh(["ldd", exe], os.path.dirname(exe), check=False).stdout
    return [os.path.basename(line.split()[0]) for line in out.splitlines() if line.strip()]


def minimal_root(t, exe, *others):
    """A directory holding exe as /app and the C library's parts that it and others need, nothing else."""
    root = os.path.join(t.dir, "root")
    os.makedirs(root)
    shutil.copy(exe, os.path.join(root, "app"))
    out = "".join(sh(["ldd", x], t.dir, check=False).stdout for x in (exe,) + others)
    for m in re.finditer(r"(/\S+\.so[.\d]*)", out):
        path = m.group(1)
        if os.path.basename(path) in LIBC_PARTS:
            dest = os.path.join(root, path.lstrip("/"))
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            shutil.copy(path, dest)
    return root


def chroot_run(root, args=()):
    """Runs /app in the chroot root, with /proc bound in when a private mount namespace can be had (as root, or
    through a user namespace)."""
    os.makedirs(os.path.join(root, "proc"), exist_ok=True)
    inner = 'mount --bind /proc "$1/proc" 2>/dev/null; echo CHROOT >&2; exec chroot "$1" /app "${@:2}"'
    tries = [["unshare", "-m"], []] if os.geteuid() == 0 else [["unshare", "-r", "-m"]]
    why = ""
    for pre in tries:
        p = subprocess.run(pre + ["bash", "-c", inner, "x", root] + list(args), capture_output=True, text=True,
                           timeout=60)
        err = p.stderr.split("CHROOT\n", 1)
        if len(err) == 2 and not err[1].startswith("chroot: "):
            p.stderr = "\n".join(l for l in err[1].splitlines() if not l.startswith("GC Warning"))
            return p
        why = p.stderr.strip()
    raise Fail("cannot chroot here (neither root nor user namespaces): %s" % why)


def test_ldd_lists_only_the_c_library(t):
    portable_only(t)
    exe = build(t, 'print("hello")\n')
    libs = needed_libs(exe)
    expect(libs and set(libs) <= LIBC_PARTS, "ldd lists %s" % libs)


def test_runs_without_the_gc_library(t):
    portable_only(t)
    exe = build(t, LOADER)
    control = os.path.join(t.dir, "control")
    with open(control + ".c", "w") as f:
        f.write('#include <gc.h>\n#include <stdio.h>\nint main(void) { GC_INIT(); puts("control"); return 0; }\n')
    sh(["cc", control + ".c", "-o", control, "-lgc"], t.dir)
    root = minimal_root(t, exe, control)
    shutil.copy(control, os.path.join(root, "control"))
    p = chroot_run(root)
    expect(p.returncode == 0 and p.stdout == "hello from app\n42\n100\ttrue\n",
           "in the chroot: exit %d, stdout %r, stderr %r" % (p.returncode, p.stdout, p.stderr))
    shutil.move(os.path.join(root, "control"), os.path.join(root, "app"))
    p = chroot_run(root)
    expect(p.returncode != 0 and "libgc" in p.stderr,
           "the control linked with libgc.so ran in the chroot: the GC library was not hidden (%r)" % p.stderr)


def test_static_runs_alone(t):
    portable_only(t)
    exe = build(t, LOADER, "--static")
    out = sh(["ldd", exe], t.dir, check=False)
    expect("not a dynamic executable" in out.stdout + out.stderr, "ldd says %r" % (out.stdout + out.stderr))
    root = os.path.join(t.dir, "root")
    os.makedirs(root)
    shutil.copy(exe, os.path.join(root, "app"))
    p = chroot_run(root)
    expect(p.returncode == 0 and p.stdout == "hello from app\n42\n100\ttrue\n",
           "alone in a chroot: exit %d, stdout %r, stderr %r" % (p.returncode, p.stdout, p.stderr))


def test_strip_drops_symbols(t):
    portable_only(t)
    full = build(t, FIB, name="full")
    stripped = build(t, FIB, "-s", name="small")
    long = build(t, FIB, "--strip", name="small2")
    expect("no symbols" in sh(["nm", stripped], t.dir, check=False).stderr, "nm finds symbols in the -s build")
    expect(os.path.getsize(long) == os.path.getsize(stripped), "--strip and -s differ")
    expect(os.path.getsize(stripped) < os.path.getsize(full) * 0.7,
           "-s: %d bytes, without: %d" % (os.path.getsize(stripped), os.path.getsize(full)))
    expect(sh([stripped, "10"], t.dir).stdout == "55\n", "the stripped executable's output")


def modules_tree(t):
    os.makedirs(os.path.join(t.dir, "src", "plugins", "sub"))
    files = {"src/plugins/alpha.lua": 'return {name = "A"}\n', "src/plugins/sub/init.lua": 'return {name = "S"}\n',
             "src/plugins/sub/gamma.lua": 'return {name = "G", up = require("plugins.alpha").name}\n',
             "util.lua": 'return {v = 42}\n', "other.lua": 'return {v = "other"}\n'}
    for path, text in files.items():
        with open(os.path.join(t.dir, path), "w") as f:
            f.write(text)


COMPUTED = """for _, n in ipairs({"alpha", "sub", "sub.gamma"}) do
  local m, extra = require("plugins." .. n)
  print(n, m.name, m.up, extra)
end
"""


def run_elsewhere(t, exe):
    """Runs exe from a directory where none of the module files are."""
    away = os.path.join(t.dir, "away")
    os.makedirs(away, exist_ok=True)
    return sh([exe], away, check=False)


def test_modules_dir_bundles_computed_requires(t):
    modules_tree(t)
    exe = build(t, COMPUTED, "--modules", "src")
    p = run_elsewhere(t, exe)
    expect(p.stdout == "alpha\tA\tnil\t:preload:\nsub\tS\tnil\t:preload:\nsub.gamma\tG\tA\t:preload:\n",
           "stdout %r stderr %r" % (p.stdout, p.stderr))


def test_m_bundles_by_name_and_path(t):
    modules_tree(t)
    src = 'local u, e = require(("UTIL"):lower())\nprint(u.v, e)\nprint(require("o" .. "ther").v)\n'
    exe = build(t, src, "-m", "util", "-m", "other=other.lua")
    p = run_elsewhere(t, exe)
    expect(p.stdout == "42\t:preload:\nother\n", "stdout %r stderr %r" % (p.stdout, p.stderr))


def test_preload_comes_before_package_path(t):
    modules_tree(t)
    exe = build(t, 'print(require("m" .. "od").v)\n', "-m", "mod=util.lua")
    with open(os.path.join(t.dir, "mod.lua"), "w") as f:
        f.write('return {v = "from the file"}\n')
    p = sh([exe], t.dir)
    expect(p.stdout == "42\n", "the file on package.path won over the bundled module: %r" % p.stdout)


def test_m_missing_module_is_an_error(t):
    with open(os.path.join(t.dir, "a.lua"), "w") as f:
        f.write("print(1)\n")
    p = sh([t.vmc, "build", "a.lua", "-o", "a", "-m", "nosuchmod"], t.dir, check=False)
    expect(p.returncode == 1 and p.stderr == "vmc: module 'nosuchmod' not found on package.path\n",
           "exit %d stderr %r" % (p.returncode, p.stderr))
    p = sh([t.vmc, "build", "a.lua", "-o", "a", "-m", "x=nofile.lua"], t.dir, check=False)
    expect(p.returncode == 1 and p.stderr == "vmc: cannot open nofile.lua: No such file or directory\n",
           "exit %d stderr %r" % (p.returncode, p.stderr))
    p = sh([t.vmc, "build", "a.lua", "-o", "a", "--modules", "nodir"], t.dir, check=False)
    expect(p.returncode == 1 and p.stderr == "vmc: cannot open nodir: No such file or directory\n",
           "exit %d stderr %r" % (p.returncode, p.stderr))


def test_m_syntax_error_fails_the_build(t):
    with open(os.path.join(t.dir, "bad.lua"), "w") as f:
        f.write("local x = = 1\n")
    with open(os.path.join(t.dir, "a.lua"), "w") as f:
        f.write("print(1)\n")
    p = sh([t.vmc, "build", "a.lua", "-o", "a", "-m", "bad=bad.lua"], t.dir, check=False)
    expect(p.returncode == 1 and p.stderr == "vmc: bad.lua:1: unexpected symbol near '='\n",
           "exit %d stderr %r" % (p.returncode, p.stderr))
    expect(not os.path.exists(os.path.join(t.dir, "a")), "an executable was written")


def gdb(t, exe, *cmds):
    args = ["gdb", "-nx", "-batch"]
    for c in cmds:
        args += ["-ex", c]
    return sh(args + [exe], t.dir, check=False).stdout


def test_g_breakpoint_at_lua_line(t):
    exe = build(t, FIB, "-g", "-O0", name="fib")
    out = gdb(t, exe, "break fib.lua:7", "run", "bt 3")
    expect(re.search(r"Breakpoint 1 at .*: file \S*fib\.lua, line 7\.", out), "breakpoint not at line 7:\n" + out)
    expect(re.search(r"#0 +L_main_6 \(.*\) at \S*fib\.lua:7", out), "bt #0 is not main at fib.lua:7:\n" + out)
    expect(re.search(r"#1 .* in L_main \(.*\) at \S*fib\.lua:11", out), "bt #1 is not the main chunk:\n" + out)


def test_g_steps_by_lua_lines(t):
    exe = build(t, FIB, "-g", "-O0", name="fib")
    out = gdb(t, exe, "break fib.lua:7", "run", "next", "next")
    lines = re.findall(r"^(\d+)\t", out, re.M)
    expect(lines == ["7", "8", "9"], "lines shown: %s\n%s" % (lines, out))


def test_g_main_chunk_line_has_one_location(t):
    exe = build(t, FIB, "-g", "-O0", name="fib")   # vmc_chunk, after the last function, has no Lua lines
    out = gdb(t, exe, "break fib.lua:11", "run", "bt 1")
    expect(re.search(r"Breakpoint 1 at .*: file \S*fib\.lua, line 11\.", out), "break fib.lua:11:\n" + out)
    expect(re.search(r"#0 +L_main \(.*\) at \S*fib\.lua:11", out), "not in the main chunk:\n" + out)


def test_g_step_into_lua_function(t):
    exe = build(t, FIB, "-g", "-O0", name="fib")
    out = gdb(t, exe, "break fib.lua:7", "run", "skip -gfi */vmc/*.h", "skip -rfu ^vm_", "step", "step")
    expect(re.search(r"^L_fib_1 \(.*\) at \S*fib\.lua:1\n1\t", out, re.M) and re.search(r"^2\t  if n < 2", out, re.M),
           "step from main into fib:\n" + out)


def test_g_bt_names_lua_functions_optimised(t):
    exe = build(t, FIB, "-g", name="fib")   # gcc -O2: frames of Lua functions keep their names
    out = gdb(t, exe, "break fib.lua:2", "run", "bt")
    frames = re.findall(r"^#\d+ +(?:0x[0-9a-f]+ in )?(\w+) \(", out, re.M)
    lua = frames[:frames.index("callclosure")] if "callclosure" in frames else frames
    expect(lua == ["L_fib_1", "L_main_6", "L_main"], "frames: %s\n%s" % (frames, out[-3000:]))


def test_install_with_man_page(t):
    portable_only(t)   # `make install` of the sanitizer build is not a thing
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    prefix = os.path.join(t.dir, "prefix")
    b = os.path.relpath(os.path.dirname(t.vmc), root)
    sh(["make", "-s", "--no-print-directory", "install", "PREFIX=" + prefix, "B=" + b], root)
    for f in ("bin/vmc", "lib/vmc/libvmcrt.a", "lib/vmc/libvmcc.a", "include/vmc/vmc.h", "include/vmc/value.h",
              "share/man/man1/vmc.1"):
        expect(os.path.exists(os.path.join(prefix, f)), "make install did not install %s" % f)
    with open(os.path.join(t.dir, "h.lua"), "w") as f:
        f.write('print("installed")\n')
    sh([os.path.join(prefix, "bin", "vmc"), "build", "h.lua", "-o", "h"], t.dir)
    expect(sh([os.path.join(t.dir, "h")], t.dir).stdout == "installed\n", "the installed vmc's executable")
    page = sh(["groff", "-man", "-Tascii", "-ww", os.path.join(prefix, "share/man/man1/vmc.1")], t.dir)
    expect(page.stderr == "", "groff warns: %s" % page.stderr)
    text = re.sub(r".\x08", "", page.stdout)
    usage = sh([t.vmc, "--help"], t.dir).stdout
    options = set(re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*|--)(?=[\s\[\]=.,|]|$)", usage))
    missing = sorted(o for o in options if not re.search(r"(?<![\w-])" + re.escape(o) + r"(?![\w-])", text))
    expect(len(options) > 15 and not missing, "options of vmc --help missing from the man page: %s" % missing)


def portable_only(t):
    if os.environ.get("VMC_SANITIZED"):
        raise Skip("a sanitizer build links libasan and cannot link statically")


class T:
    def __init__(self, d, vmc):
        self.dir, self.vmc = d, vmc


if __name__ == "__main__":
    sys.exit(main("build", globals(), T))
